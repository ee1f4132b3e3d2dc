"""`@value` builds the class `@dataclass(frozen=True)` builds: held side by side."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from listlint.base.values import value


def _body() -> type:
    class Card:
        """An invented value: every kind of field a value may have."""

        start: int
        title: str
        tags: tuple[str, ...] = ()
        notes: list[str] = field(default_factory=list, compare=False)
        cached: str = field(default="", repr=False, hash=False)

        def size(self) -> int:
            return self.start + len(self.title)

    return Card


def _named(cls: type, name: str) -> type:
    # Module-level names, so that pickle finds the classes.
    cls.__name__ = cls.__qualname__ = name
    return cls


_PAIRS = {
    (order, slots): (
        dataclass(frozen=True, order=order, slots=slots)(_named(_body(), f"Made{order:d}{slots:d}")),
        value(order=order, slots=slots)(_named(_body(), f"Built{order:d}{slots:d}")),
    )
    for order in (False, True)
    for slots in (False, True)
}
globals().update({cls.__name__: cls for pair in _PAIRS.values() for cls in pair})


def _pair(order: bool = False, slots: bool = False) -> tuple[type, type]:
    """The same class body, once as a frozen dataclass and once as a value."""
    return _PAIRS[order, slots]


_fields = st.tuples(
    st.integers(-3, 3),
    st.sampled_from(["", "a", "b", "百"]),
    st.lists(st.sampled_from(["x", "y"]), max_size=2).map(tuple),
    st.lists(st.text(max_size=2), max_size=2),
    st.sampled_from(["", "c"]),
)


@pytest.mark.parametrize("order", [False, True])
@pytest.mark.parametrize("slots", [False, True])
@given(first=_fields, second=_fields)
def test_a_value_behaves_as_the_frozen_dataclass(order: bool, slots: bool, first: tuple, second: tuple) -> None:  # type: ignore[type-arg]
    made, built = _pair(order, slots)
    a, b = made(*first), made(*second)
    x, y = built(*first), built(*second)
    assert (x == y, x != y) == (a == b, a != b)
    assert (hash(x) == hash(y)) if x == y else True
    assert repr(x) == repr(a).replace(made.__qualname__, built.__qualname__)
    assert x.size() == a.size()
    if order:
        assert (x < y, x <= y, x > y, x >= y) == (a < b, a <= b, a > b, a >= b)
    else:
        with pytest.raises(TypeError):
            x < y  # noqa: B015
    assert x != a  # another class, as two dataclasses are
    assert pickle.loads(pickle.dumps(x)) == x and copy.deepcopy(x) == x
    assert dataclasses.astuple(x) == dataclasses.astuple(a)
    assert dataclasses.replace(x, title="z") == built(first[0], "z", *first[2:])
    assert [f.name for f in dataclasses.fields(built)] == [f.name for f in dataclasses.fields(made)]
    assert hasattr(x, "__dict__") == hasattr(a, "__dict__")


def test_a_value_refuses_assignment_and_deletion_as_the_dataclass_does() -> None:
    made, built = _pair(slots=True)
    for instance in (made(1, "a"), built(1, "a")):
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'start'"):
            instance.start = 2
        with pytest.raises(FrozenInstanceError, match="cannot delete field 'title'"):
            del instance.title


def test_defaults_and_factories_are_the_dataclass_s() -> None:
    made, built = _pair()
    x, a = built(1, "a"), made(1, "a")
    assert (x.tags, x.notes, x.cached) == (a.tags, a.notes, a.cached) == ((), [], "")
    assert built(1, "a").notes is not x.notes  # a new list each time
    assert built(title="t", start=2) == built(2, "t")
    with pytest.raises(TypeError):
        built(1)


@value(slots=True)
class Base:
    """A slotted value."""

    start: int


@value
class Child(Base):
    """A value with a field of its own, in its instances' dict."""

    images: tuple[str, ...] = ()


def test_a_subclass_adds_its_fields() -> None:
    child = Child(1, ("i",))
    assert child == Child(1, ("i",)) != Child(1)
    assert child != Base(1)
    assert repr(child) == "Child(start=1, images=('i',))"
    assert pickle.loads(pickle.dumps(child)) == child
    with pytest.raises(FrozenInstanceError):
        child.images = ()


def test_what_value_cannot_build_is_refused() -> None:
    with pytest.raises(TypeError, match="defines __eq__"):

        @value
        class Own:
            """Writes its own equality."""

            start: int

            def __eq__(self, other: object) -> bool:
                return True

    with pytest.raises(TypeError, match="cannot build field 'hidden'"):

        @value
        class Hidden:
            """A field outside __init__."""

            hidden: int = field(default=0, init=False)
