# user_script.py is read by type checkers (tests/test_typing.py), never imported or run by pytest.
collect_ignore = ["user_script.py"]
