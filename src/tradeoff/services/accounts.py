"""Accounts: sign-up and sign-in with argon2 password hashes, and server-side sign-ins.

A browser that signs in gets a random key in a cookie; the database keeps only the key's
SHA-256 and when it expires, so any app process can tell who is signed in and a leaked
copy of the database signs no one in.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from tradeoff.services.errors import BadInputError, ConflictError
from tradeoff.store import Store
from tradeoff.store.accounts import UserRecord

SIGN_IN_DAYS = 30
MIN_PASSWORD, MAX_PASSWORD = 8, 1024  # argon2 reads any length; a megabyte would be a DoS
MAX_EMAIL = 254

# argon2-cffi's defaults are RFC 9106's low-memory profile (argon2id, 64 MiB, 3 passes).
hasher = PasswordHasher()


class WrongPasswordError(BadInputError):
    """Unknown email or wrong password: one message for both, so it reveals neither."""

    def __init__(self) -> None:
        super().__init__("wrong email or password; check both, or sign up for an account")


def normal_email(email: str) -> str:
    """The address as stored: trimmed and lower-cased, so "Ann@x.io" signs in as "ann@x.io"."""
    email = email.strip().lower()
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in email):
        raise BadInputError("enter an email address such as ann@example.com")
    if len(email) > MAX_EMAIL:
        raise BadInputError(f"that email is longer than {MAX_EMAIL} characters")
    return email


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise BadInputError(f"choose a password of at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise BadInputError(f"choose a password of at most {MAX_PASSWORD} characters")


def sign_up(store: Store, email: str, password: str, now: datetime) -> UserRecord:
    address = normal_email(email)
    check_password(password)
    user = store.accounts.create_user(address, hasher.hash(password), now)
    if user is None:
        raise ConflictError(f"there is already an account for {address}; sign in instead")
    return user


@cache
def _decoy_hash() -> str:
    return hasher.hash(secrets.token_urlsafe(16))


def sign_in(store: Store, email: str, password: str) -> UserRecord:
    """The account if the password matches. An unknown email still costs one argon2
    verification, so the time taken does not tell which addresses have accounts."""
    try:
        address = normal_email(email)
    except BadInputError:
        raise WrongPasswordError() from None
    user = store.accounts.user_by_email(address)
    stored = user.password_hash if user is not None else _decoy_hash()
    try:
        hasher.verify(stored, password[: MAX_PASSWORD + 1])
    except (VerificationError, InvalidHashError):
        raise WrongPasswordError() from None
    if user is None:
        raise WrongPasswordError()
    if hasher.check_needs_rehash(user.password_hash):
        store.accounts.set_password_hash(user.id, hasher.hash(password))
    return user


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def open_sign_in(store: Store, user: UserRecord, now: datetime) -> str:
    """A new sign-in for `user`; returns the key for the cookie (never stored as is)."""
    key = secrets.token_urlsafe(32)
    store.accounts.add_sign_in(user.id, key_hash(key), now, now + timedelta(days=SIGN_IN_DAYS))
    return key


def signed_in(store: Store, key: str, now: datetime) -> UserRecord | None:
    """The account a cookie's key signs in, or None (unknown, signed out or expired)."""
    if not key or len(key) > 128:
        return None
    return store.accounts.user_signed_in(key_hash(key), now)


def sign_out(store: Store, key: str) -> None:
    if key and len(key) <= 128:
        store.accounts.sign_out(key_hash(key))
