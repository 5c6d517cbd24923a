"""A response body read within a size limit, before and after gzip or deflate is undone."""

import http.client
import zlib

# Each read takes at most this much off the socket, so the limit is checked as bytes arrive.
CHUNK = 64 * 1024
# gzip or zlib, told apart by their headers (zlib's documented "32 + window bits").
EITHER_HEADER = 32 + zlib.MAX_WBITS


class TooLarge(Exception):
    """The body, as sent or once decompressed, is over the limit."""


class Malformed(Exception):
    """The body's encoding is unknown, or its compressed stream is broken or cut short."""


def read_body(response: http.client.HTTPResponse, *, max_bytes: int) -> bytes:
    """The decoded body, at most `max_bytes` both as sent and as decoded, and all of it."""
    # http.client's reading of Content-Length: None when absent, chunked or not a number.
    if (response.length or 0) > max_bytes:
        raise TooLarge
    decoder = _decoder(response.getheader("Content-Encoding", "identity"))
    body, received = bytearray(), 0
    while True:
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        received += len(chunk)
        body += _decoded(decoder, chunk, max_bytes + 1 - len(body)) if decoder else chunk
        if received > max_bytes or len(body) > max_bytes:
            raise TooLarge
    # http.client counts down what Content-Length promised, and ends quietly when the
    # connection is cut before: a feed cut short must not pass for the whole one.
    if response.length:
        raise Malformed
    if decoder is not None:
        _finish(decoder, body, max_bytes)
    return bytes(body)


def _decoder(encoding: str) -> "zlib._Decompress | None":
    """A decompressor for gzip (what ooo asks for) or deflate; None for a body sent as is."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return zlib.decompressobj(EITHER_HEADER)
    raise Malformed


def _decoded(decoder: "zlib._Decompress", data: bytes, room: int) -> bytes:
    """Inflate `data`, stopping once more than `room` bytes came out (a decompression bomb)."""
    out = bytearray()
    try:
        while data and len(out) <= room:
            out += decoder.decompress(data, room + 1 - len(out))
            data = decoder.unconsumed_tail
    except zlib.error:
        raise Malformed from None
    return bytes(out)


def _finish(decoder: "zlib._Decompress", body: bytearray, max_bytes: int) -> None:
    """Add what the decompressor still holds; a stream cut short is malformed."""
    try:
        body += decoder.flush()
    except zlib.error:
        raise Malformed from None
    if len(body) > max_bytes:
        raise TooLarge
    if not decoder.eof:
        raise Malformed
