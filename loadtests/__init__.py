"""Load tests: the locustfile, `facechain loadtest` (loadtest.py, report.py) and the fault drills."""
