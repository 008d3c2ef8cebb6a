"""``numkata grade``: a teacher grades a whole class of submissions.

The modules, each owning one part:

- ``submissions``: finding the learners in SUBMISSIONS, reading their kata files out of folders
  and archives without extracting anything, and deciding what is taken and what is ignored;
- ``grade_one``: the task that grades one learner (runs on a Dask worker, or in-process);
- ``warm_grading``: the warm server a batch graded on this machine forks its runs from;
- ``gradebook``: the SQLite gradebook the client alone writes, one transaction per learner;
- ``scheduling``: running the tasks on Dask (an embedded LocalCluster or a remote scheduler);
- ``exports``: grades.csv, lms.csv and the Gradescope results;
- ``class_report``: feedback pages for learners and the class report for the teacher;
- ``command``: the command line (``add_arguments`` and ``run``).

Nothing here is imported on the pytest path; Dask is imported only by ``scheduling``.
"""
