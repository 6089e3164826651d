"""Blocked sockets, for the tests that prove a code path never reaches a network.

:func:`block_network` patches ``socket.socket.connect`` / ``connect_ex``,
``socket.create_connection`` and ``socket.getaddrinfo`` (through a pytest ``monkeypatch``) so
that any address but loopback (and Unix sockets) raises :class:`NetworkBlocked`; every refused
address is recorded in the returned list, so a test can assert that nothing even tried.
"""

from __future__ import annotations

import ipaddress
import socket


class NetworkBlocked(OSError):
    """A connection to a non-loopback address was attempted while the network was blocked."""


def _is_loopback(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def block_network(monkeypatch, *, allow_loopback: bool = True) -> list:
    """Block every connection but loopback ones (none at all with ``allow_loopback=False``)
    until ``monkeypatch`` is undone; returns the list of refused addresses."""
    refused: list = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_create, real_getaddrinfo = socket.create_connection, socket.getaddrinfo

    def check(family, address) -> None:
        if family == getattr(socket, "AF_UNIX", None):
            return
        host = address[0] if isinstance(address, tuple) else address
        if allow_loopback and _is_loopback(host):
            return
        refused.append(address)
        raise NetworkBlocked(f"network access attempted while blocked: {address!r}")

    def connect(self, address):
        check(self.family, address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(self.family, address)
        return real_connect_ex(self, address)

    def create_connection(address, *args, **kwargs):
        check(socket.AF_INET, address)
        return real_create(address, *args, **kwargs)

    def getaddrinfo(host, *args, **kwargs):
        if host is not None:
            check(socket.AF_INET, (host, None))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return refused
