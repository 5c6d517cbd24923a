"""Which network addresses a feed may be fetched from: public ones only, whatever they embed."""

import socket
from collections.abc import Callable, Sequence
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address
from typing import Any

# socket.getaddrinfo's shape: (family, type, proto, canonname, sockaddr) for a host and port.
Resolver = Callable[[str, int], Sequence[tuple[Any, ...]]]
IP = IPv4Address | IPv6Address
# RFC 6052's well-known NAT64 prefix carries an IPv4 address in its last 32 bits, judged by that
# address: a DNS64 network answers public hosts in this form.
NAT64 = IPv6Network("64:ff9b::/96")
# IANA's special-purpose ranges that `is_global` counts as global before Python 3.12.4.
NOT_GLOBAL = (IPv4Network("192.0.0.0/24"),)


def resolve(host: str, port: int, resolver: Resolver) -> list[str]:
    """Every IPv4 and IPv6 address a host name resolves to, in the resolver's order, once each.

    Raises OSError (socket.gaierror) when the name does not resolve.
    """
    families = (socket.AF_INET, socket.AF_INET6)
    addresses = [str(entry[4][0]) for entry in resolver(host, port) if entry[0] in families]
    if not addresses:
        raise socket.gaierror(socket.EAI_NONAME, "no IPv4 or IPv6 address")
    return list(dict.fromkeys(addresses))


def is_public(address: str) -> bool:
    """Whether an address is on the public internet, judging an IPv4 address embedded in an
    IPv6 one (mapped, 6to4, NAT64) by that IPv4 address."""
    ip = ip_address(address)
    embedded = _embedded_ipv4(ip) if isinstance(ip, IPv6Address) else None
    return _plainly_public(embedded if embedded is not None else ip)


def _embedded_ipv4(ip: IPv6Address) -> IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, in the forms that reach one over IPv4."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in NAT64:
        return IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _plainly_public(ip: IP) -> bool:
    """Global, and none of the ranges `is_global` lets through on some Python versions
    (multicast, reserved, IPv6 site-local, IPv4-compatible IPv6)."""
    site_local = isinstance(ip, IPv6Address) and ip.is_site_local
    return (
        ip.is_global
        and not any(ip in network for network in NOT_GLOBAL)
        and not ip.is_private
        and not ip.is_multicast
        and not ip.is_reserved
        and not ip.is_loopback
        and not ip.is_link_local
        and not ip.is_unspecified
        and not site_local
    )
