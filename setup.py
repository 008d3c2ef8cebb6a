"""The wheel's build step that pyproject.toml cannot say: pack the built-in pack's stubs and
solutions (katas/, reference/) into pytest_numkata/kata_bundle.json.gz inside the build, so an
installed wheel can make workspaces. Nothing generated is committed; a clone or an editable
install reads the trees directly."""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _bundle_module():
    """pytest_numkata/packs/bundle.py, loaded by path: the build must not import the package."""
    spec = importlib.util.spec_from_file_location("_numkata_bundle", ROOT / "pytest_numkata"
                                                  / "packs" / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class build_py_with_bundle(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False) or self.dry_run:
            return  # an editable install reads katas/ and reference/ where they are
        bundle = _bundle_module()
        target = Path(self.build_lib) / "pytest_numkata" / bundle.BUNDLE_NAME
        data = bundle.write(ROOT, target)
        self.announce(f"wrote {target} ({len(data['katas'])} stubs, "
                      f"{len(data['reference'])} references)", level=2)

    def get_outputs(self, include_bytecode=True):
        outputs = super().get_outputs(include_bytecode)
        if not getattr(self, "editable_mode", False):
            outputs.append(str(Path(self.build_lib) / "pytest_numkata" / "kata_bundle.json.gz"))
        return outputs


setup(cmdclass={"build_py": build_py_with_bundle})
