#!/usr/bin/env python3
"""Recomputes every derived value of format2-known-answers.txt from docs/entry-format.md alone,
without the Java code: hashlib and hmac from Python's standard library, AES-256-GCM and the
RFC 3394 key wrap from the `cryptography` package. Prints one line per block and exits non-zero
on the first difference.

RFC 8785 canonical JSON is json.dumps with sorted keys, no whitespace and no ASCII escaping:
the same bytes as RFC 8785 for these vectors, whose keys are ASCII and whose numbers are small
integers (a general verifier needs a full RFC 8785 serialiser).

    python3 recompute_known_answers.py [format2-known-answers.txt]
"""
import hashlib
import hmac
import json
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.keywrap import aes_key_wrap


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def blocks(path):
    block = {}
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("#"):
            continue
        if not line:
            if block:
                yield block
            block = {}
            continue
        key, value = line.split(": ", 1)
        block[key] = value
    if block:
        yield block


def check(block, key, got):
    if got != block[key]:
        sys.exit(f"{block['description']}: {key}: got {got}, want {block[key]}")


def entry(block):
    content = json.loads(block["content"])
    r = bytes.fromhex(block["r"])
    check(block, "content", canonical(content).decode("utf-8"))
    commitment = hmac.new(r, canonical(content), hashlib.sha256).digest()
    check(block, "commitment", commitment.hex())
    leaf = {"v": 2, "subject": block["subject"], "seq": int(block["seq"]), "kind": block["kind"],
            "recordedAt": block["recordedAt"], "commitment": commitment.hex()}
    if block["prev"] != "absent":
        leaf["prev"] = block["prev"]
    check(block, "leaf", canonical(leaf).decode("utf-8"))
    leaf_hash = hashlib.sha256(b"\x00" + canonical(leaf)).digest()
    check(block, "leafHash", leaf_hash.hex())
    opening = canonical({"content": content, "r": r.hex()})
    check(block, "opening", opening.decode("utf-8"))
    aad = b"access-ledger entry content v2" + b"\x00" + leaf_hash
    check(block, "aad", aad.hex())
    nonce = bytes.fromhex(block["nonce"])
    sealed = nonce + AESGCM(bytes.fromhex(block["dataKey"])).encrypt(nonce, opening, aad)
    check(block, "sealed", sealed.hex())
    wrapped = aes_key_wrap(bytes.fromhex(block["kek"]), bytes.fromhex(block["dataKey"]))
    check(block, "wrappedDataKey", wrapped.hex())


def tombstone(block):
    stored = block["format1Entry"].encode("utf-8")
    leaf_hash = hashlib.sha256(b"\x00" + stored).hexdigest()
    check(block, "format1LeafHash", leaf_hash)
    erased = json.loads(stored)
    kept = {"tombstone": 1, "subject": erased["subject"], "seq": erased["seq"], "leafHash": leaf_hash}
    if "prev" in erased:
        kept["prev"] = erased["prev"]
    check(block, "tombstone", canonical(kept).decode("utf-8"))


for block in blocks(sys.argv[1] if len(sys.argv) > 1 else "format2-known-answers.txt"):
    (tombstone if "tombstone" in block else entry)(block)
    print("ok:", block["description"])
