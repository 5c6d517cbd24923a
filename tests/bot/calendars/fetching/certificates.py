"""A throwaway certificate authority and server certificates for the HTTPS fetch tests."""

import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

PEM = serialization.Encoding.PEM
# Certificates are checked against the real time, so they span it generously.
ISSUED = datetime.now(UTC) - timedelta(days=1)


@dataclass(frozen=True)
class Authority:
    """A certificate authority's key and certificate, and the trust a client places in it."""

    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def trusted(self) -> ssl.SSLContext:
        """A client context trusting this authority only, with host names checked."""
        return ssl.create_default_context(cadata=self.certificate.public_bytes(PEM).decode())

    def server(self, name: str, folder: Path) -> ssl.SSLContext:
        """A server context presenting a certificate for `name`, issued by this authority."""
        key = ec.generate_private_key(ec.SECP256R1())
        certificate = (
            _builder(name, self.certificate.subject, key)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        chain = folder / f"{name}.pem"
        private = key.private_bytes(
            PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        chain.write_bytes(private + certificate.public_bytes(PEM))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(chain)
        return context


def authority() -> Authority:
    """A new self-signed certificate authority."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ooo test authority")])
    certificate = (
        _builder("ooo test authority", name, key)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return Authority(key, certificate)


def _builder(
    subject: str, issuer: x509.Name, key: ec.EllipticCurvePrivateKey
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ISSUED)
        .not_valid_after(ISSUED + timedelta(days=7))
    )
