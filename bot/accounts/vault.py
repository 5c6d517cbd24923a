"""Tokens sealed at rest with OOO_ENCRYPTION_KEY, using Fernet (AES-128-CBC with HMAC-SHA256)."""

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class WrongKey(Exception):
    """A sealed value that the key cannot open: another key sealed it, or it was altered."""


def generate_key() -> str:
    """A new random key, as OOO_ENCRYPTION_KEY expects it."""
    return Fernet.generate_key().decode()


class Vault:
    """Seals with the current key; opens what the current key or any older one sealed."""

    def __init__(self, key: str, *older: str) -> None:
        self._keys = MultiFernet([Fernet(k) for k in (key, *older)])

    def seal(self, secret: str) -> str:
        """Encrypt and authenticate a secret; the result is safe to store."""
        return self._keys.encrypt(secret.encode()).decode()

    def open(self, sealed: str) -> str:
        """Decrypt a sealed secret, or raise WrongKey."""
        try:
            return self._keys.decrypt(sealed.encode()).decode()
        except InvalidToken:
            raise WrongKey from None

    def reseal(self, sealed: str) -> str:
        """Seal again under the current key what an older key sealed."""
        try:
            return self._keys.rotate(sealed.encode()).decode()
        except InvalidToken:
            raise WrongKey from None
