"""`@value`: the class `@dataclass(frozen=True)` makes, at a fraction of the import cost.

Python (3.11) builds each method a frozen dataclass gets (`__init__`, `__repr__`,
`__eq__`, `__hash__`, `__setattr__`, `__delattr__`, four more for `order`) by writing
its source and compiling it on its own: about half a millisecond a class. listlint has
some forty value classes and every run imports them all, so that was a third of its
import time, and a sixth of a check of one small file. `value` compiles `__init__`
alone, because a parse makes about 140 values a card and a compiled `__init__` is the
fastest, and gives every class the same few functions for the other methods, reading
the fields through an `attrgetter` (C).

The class is a dataclass all the same: `dataclasses.fields`, `replace` and `asdict` read
it, and its instances compare, hash, print, pickle and refuse assignment as a frozen
dataclass's do (tests/test_values.py holds the two side by side). Fields take defaults
and default factories; `kw_only`, `init=False` fields and `__post_init__` are not
supported (no value needs them), and a class that writes one of the methods itself is
refused, where the dataclass would keep its own.
"""

from __future__ import annotations

import dataclasses
import reprlib
import types
from collections.abc import Callable, Sequence
from dataclasses import MISSING, FrozenInstanceError
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, overload

T = TypeVar("T")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: object) -> Callable[[T], T]:
        return lambda function: function


_ORDER = ("__lt__", "__le__", "__gt__", "__ge__")
_MADE = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__getstate__", "__setstate__")


@overload
def value(cls: type[T], /) -> type[T]: ...


@overload
def value(*, order: bool = False, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def value(cls: type[T] | None = None, /, *, order: bool = False, slots: bool = False) -> Any:
    """`@dataclass(frozen=True, order=order, slots=slots)`, cheaper to create (see the module)."""

    def build(cls: type[T]) -> type[T]:
        return _build(cls, order, slots)

    return build if cls is None else build(cls)


def _build(cls: type[T], order: bool, slots: bool) -> type[T]:
    own = [name for name in (*_MADE, *(_ORDER if order else ())) if name in vars(cls)]
    if own or hasattr(cls, "__post_init__"):
        raise TypeError(f"@value makes {cls.__name__}'s methods; it defines {', '.join(own) or '__post_init__'}")
    # Only what costs no compiling: the fields, their defaults on the class, __slots__.
    cls = dataclasses.dataclass(init=False, repr=False, eq=False, slots=slots)(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    for item in fields:
        if not item.init or item.kw_only:
            raise TypeError(f"@value cannot build field {item.name!r} of {cls.__name__}")
    setattr(cls, "__init__", _init(cls, fields))
    compared = _getter([item.name for item in fields if item.compare])
    hashed = _getter([item.name for item in fields if (item.compare if item.hash is None else item.hash)])
    shown = [item.name for item in fields if item.repr]

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"

    own_methods: dict[str, Callable[..., Any]] = {"__eq__": __eq__, "__hash__": __hash__, "__repr__": __repr__}
    if order:
        own_methods.update(zip(_ORDER, _comparisons(compared)))
    for name, method in own_methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    setattr(cls, "__setattr__", _refuse_assignment)
    setattr(cls, "__delattr__", _refuse_deletion)
    if slots:
        # Unpickling sets slots through __setattr__, which refuses (as a frozen dataclass's).
        setattr(cls, "__getstate__", _getstate)
        setattr(cls, "__setstate__", _setstate)
    return cls


def _init(cls: type, fields: Sequence[dataclasses.Field[Any]]) -> Callable[..., None]:
    """`__init__`, compiled: each field stored through its slot's descriptor (a third
    cheaper than `object.__setattr__`), or set in the instance's dict."""
    namespace: dict[str, Any] = {"_setattr": object.__setattr__, "_FACTORY": _FACTORY}
    params = []
    body = []
    for item in fields:
        name = item.name
        if item.default is not MISSING:
            namespace[f"_default_{name}"] = item.default
            params.append(f"{name}=_default_{name}")
        elif item.default_factory is not MISSING:
            namespace[f"_factory_{name}"] = item.default_factory
            params.append(f"{name}=_FACTORY")
            body.append(f"    if {name} is _FACTORY: {name} = _factory_{name}()")
        else:
            params.append(name)
        slot = next((vars(klass)[name] for klass in cls.__mro__ if name in vars(klass)), None)
        if isinstance(slot, types.MemberDescriptorType):
            namespace[f"_set_{name}"] = slot.__set__
            body.append(f"    _set_{name}(self, {name})")
        else:
            body.append(f"    _setattr(self, {name!r}, {name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "    pass")
    exec(source, namespace)
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{item.name: item.type for item in fields}, "return": None}
    return init


class _Factory:
    """The default of a field with a default factory: the factory is called in `__init__`."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _getter(names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of the named fields of an instance, as the dataclass compares them."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda instance: (get(instance),)
    return lambda instance: ()


def _comparisons(key: Callable[[Any], tuple[Any, ...]]) -> list[Callable[[Any, Any], Any]]:
    def __lt__(self: Any, other: Any) -> Any:
        return key(self) < key(other) if other.__class__ is self.__class__ else NotImplemented

    def __le__(self: Any, other: Any) -> Any:
        return key(self) <= key(other) if other.__class__ is self.__class__ else NotImplemented

    def __gt__(self: Any, other: Any) -> Any:
        return key(self) > key(other) if other.__class__ is self.__class__ else NotImplemented

    def __ge__(self: Any, other: Any) -> Any:
        return key(self) >= key(other) if other.__class__ is self.__class__ else NotImplemented

    return [__lt__, __le__, __gt__, __ge__]


def _refuse_assignment(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, item.name) for item in dataclasses.fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    for item, field_value in zip(dataclasses.fields(self), state):
        object.__setattr__(self, item.name, field_value)
