"""The order of the demo steps: each step runs after the steps it names, ties by name; unknown
names and cycles are refused with a message that names the steps."""

import pytest

from cms.demo.registry import DemoStep, DemoStepError, demo_step, discover_steps, ordered


def step(name, *after):
    return DemoStep(name=name, run=lambda context: None, after=after, module=f"tests.{name}")


def names(steps):
    return [s.name for s in steps]


def test_dependencies_come_first_and_ties_go_by_name():
    steps = [
        step("menu", "pages", "news"),
        step("news", "topics", "pages"),
        step("pages", "topics"),
        step("topics"),
        step("contacts"),
        step("footer", "contacts"),
    ]
    assert names(ordered(steps)) == ["contacts", "footer", "topics", "pages", "news", "menu"]


def test_the_order_does_not_depend_on_the_registration_order():
    steps = [step("b", "a"), step("c"), step("a"), step("d", "c", "b")]
    assert names(ordered(steps)) == names(ordered(reversed(steps))) == ["a", "b", "c", "d"]


def test_an_unknown_dependency_is_named():
    with pytest.raises(DemoStepError, match=r"'pages' \(tests.pages\).*unknown step\(s\) 'topcs'"):
        ordered([step("topics"), step("pages", "topics", "topcs")])


def test_a_cycle_is_named():
    steps = [step("a"), step("b", "a", "d"), step("c", "b"), step("d", "c"), step("e", "d")]
    with pytest.raises(DemoStepError, match="cycle: b → d → c → b") as error:
        ordered(steps)
    assert "steps that cannot run: b, c, d, e" in str(error.value)


def test_a_step_that_needs_itself_is_a_cycle():
    with pytest.raises(DemoStepError, match="cycle: a → a"):
        ordered([step("a", "a")])


def test_a_name_registered_twice_is_refused():
    def topics(context):
        pass

    discover_steps()
    with pytest.raises(DemoStepError, match="'topics' is registered twice"):
        demo_step()(topics)


def test_the_demo_steps_of_the_apps():
    order = names(discover_steps())
    assert order[:3] == ["contacts_and_footer", "topics", "site_tree"]
    assert order[-1] == "menu_order"
    assert order.index("accessibility_statement") < order.index("open_data")
    by_name = {s.name: s for s in discover_steps()}
    for name, s in by_name.items():
        assert all(order.index(need) < order.index(name) for need in s.after), name
