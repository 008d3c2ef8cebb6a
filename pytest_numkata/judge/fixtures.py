"""Fixtures for hidden checks; registered only for runs inside a kata tree."""

import pytest

from .collection import KataModule


@pytest.fixture(scope="module")
def kata(request: pytest.FixtureRequest):
    """The learner's kata module, loaded when the first check of the kata runs."""
    node = request.node.getparent(KataModule)
    if node is None:
        raise RuntimeError("the `kata` fixture is only available to numkata's hidden checks")
    request.addfinalizer(node.close_learner)  # the learner process ends with the kata's checks
    return node.learner_module()
