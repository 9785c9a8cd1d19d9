"""What every session of the process shares, found with plain Python keys: a rerun with warm caches should cost a
dictionary lookup, not a hash of its arguments' content.

Streamlit's own caches hash every argument by content on every call (1–2 ms for a board's filters, more for a
chart's table) and a board page makes a dozen such calls per rerun; a live audience reruns the same few views all
the time (issue #22: a filter change cost three to five times what it did, the room the app holds shrank with it).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class Compartidos(Generic[T]):
    """At most `maximo` values by hashable key, least recently used first out.

    A value is built outside the lock (a slow board never blocks the others); one built while `vaciar()` ran is
    returned to its caller but not kept, so a write's clearing can never be undone by a build that read before it.
    """

    def __init__(self, maximo: int) -> None:
        self.maximo = maximo
        self._valores: OrderedDict[Hashable, T] = OrderedDict()
        self._candado = threading.Lock()
        self._generacion = 0

    def obtener(self, clave: Hashable, construir: Callable[[], T]) -> T:
        with self._candado:
            if clave in self._valores:
                self._valores.move_to_end(clave)
                return self._valores[clave]
            generacion = self._generacion
        valor = construir()
        with self._candado:
            if generacion == self._generacion:
                self._valores[clave] = valor
                self._valores.move_to_end(clave)
                while len(self._valores) > self.maximo:
                    self._valores.popitem(last=False)
        return valor

    def vaciar(self) -> None:
        with self._candado:
            self._valores.clear()
            self._generacion += 1

    def __len__(self) -> int:
        return len(self._valores)


class PorIdentidad(Generic[T]):
    """A value derived from an object that never changes (a board's chart, a shared figure), kept while the object
    lives and found by its identity, not its content."""

    def __init__(self) -> None:
        self._valores: dict[int, tuple[weakref.ref, T]] = {}
        self._candado = threading.Lock()

    def obtener(self, objeto: object, derivar: Callable[[object], T]) -> T:
        clave = id(objeto)
        with self._candado:
            guardado = self._valores.get(clave)
            if guardado is not None and guardado[0]() is objeto:
                return guardado[1]
        valor = derivar(objeto)
        with self._candado:
            self._valores[clave] = (weakref.ref(objeto, lambda _, c=clave: self._olvidar(c)), valor)
        return valor

    def _olvidar(self, clave: int) -> None:
        with self._candado:
            guardado = self._valores.get(clave)
            if guardado is not None and guardado[0]() is None:
                del self._valores[clave]

    def vaciar(self) -> None:
        with self._candado:
            self._valores.clear()

    def __len__(self) -> int:
        return len(self._valores)
