"""The order of the test modules under pytest-xdist (tests/scheduling.py)."""

from tests.scheduling import durations_from_junit, module_order


def test_longest_first_without_demo():
    modules = {"a.py": 10, "b.py": 1, "c.py": 3}
    durations = {"a.py": 5.0, "b.py": 50.0}  # c.py: 3 tests × the default per test
    assert module_order(modules, set(), durations) == ["b.py", "a.py", "c.py"]


def test_longest_demo_module_first_then_modules_without_the_demo_while_it_builds():
    modules = dict.fromkeys(["demo_long.py", "demo_short.py", "x.py", "y.py", "z.py"], 1)
    durations = {"demo_long.py": 100, "demo_short.py": 200, "x.py": 60, "y.py": 40, "z.py": 5}
    order = module_order(modules, {"demo_long.py", "demo_short.py"}, durations)
    # demo_short.py is the longest module with the demo: it goes first (its worker builds the
    # demo); x.py and y.py (100 s ≥ DEMO_BUILD_SECONDS) keep the other worker busy meanwhile;
    # then everything else longest first.
    assert order == ["demo_short.py", "x.py", "y.py", "demo_long.py", "z.py"]


def test_durations_from_junit(tmp_path):
    junit = tmp_path / "junit.xml"
    junit.write_text(
        '<testsuites><testsuite name="pytest">'
        '<testcase classname="tests.cms.test_a" name="test_one" time="1.25"/>'
        '<testcase classname="tests.cms.test_a.TestGroup" name="test_two" time="2"/>'
        '<testcase classname="tests.test_b" name="test_three" time="0.5"/>'
        "</testsuite></testsuites>"
    )
    assert durations_from_junit(str(junit)) == {"tests/cms/test_a.py": 3.2, "tests/test_b.py": 0.5}
