#!/usr/bin/env python3
"""Writes verify-negatives.txt: RFC 9381 Appendix B.3 proofs with one thing changed each.

Run from this folder: python3 make-negatives.py > verify-negatives.txt

The reason each vector must be rejected for is decided here by a second, plain implementation
of ECVRF_verify (RFC 9381 section 5.3 for ECVRF-EDWARDS25519-SHA512-TAI, with validate_key),
written from the RFC's text with Python integers and sharing no code with the Java one, so the
Java verifier is checked against an independent reading of the RFC.
"""
import hashlib

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)
BY = 4 * pow(5, P - 2, P) % P
SUITE = b"\x03"


def sha512(*parts):
    return hashlib.sha512(b"".join(parts)).digest()


def decode_point(s):
    """RFC 8032 section 5.1.3; None where it says decoding fails."""
    n = int.from_bytes(s, "little")
    x0, y = n >> 255, n & ((1 << 255) - 1)
    if y >= P:
        return None
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P
    if v * x * x % P == u:
        pass
    elif v * x * x % P == (-u) % P:
        x = x * SQRT_M1 % P
    else:
        return None
    if x == 0 and x0 == 1:
        return None
    if x % 2 != x0:
        x = P - x
    return (x, y)


def encode_point(pt):
    x, y = pt
    return (y | (x & 1) << 255).to_bytes(32, "little")


def add(p, q):
    """The affine addition law of RFC 8032 section 5.1.4's curve, complete for edwards25519."""
    (x1, y1), (x2, y2) = p, q
    t = D * x1 * x2 * y1 * y2 % P
    return ((x1 * y2 + x2 * y1) * pow(1 + t, P - 2, P) % P,
            (y1 * y2 + x1 * x2) * pow(1 - t, P - 2, P) % P)


def mul(k, p):
    r = (0, 1)
    while k:
        if k & 1:
            r = add(r, p)
        p, k = add(p, p), k >> 1
    return r


def neg(p):
    return ((-p[0]) % P, p[1])


B = decode_point(BY.to_bytes(32, "little"))


def encode_to_curve(pk, alpha):
    """RFC 9381 section 5.4.1.1, interpret_hash_value_as_a_point = string_to_point(s[0..31])."""
    for ctr in range(256):
        h = decode_point(sha512(SUITE, b"\x01", pk, alpha, bytes([ctr]), b"\x00")[:32])
        if h is not None and mul(8, h) != (0, 1):
            return mul(8, h)
    raise ValueError("no point")


def challenge(*points):
    """RFC 9381 section 5.4.3."""
    return int.from_bytes(sha512(SUITE, b"\x02", *map(encode_point, points), b"\x00")[:16], "little")


def verify(pk, alpha, pi):
    """RFC 9381 section 5.3; returns "ok" or the first step that fails, named as in Java."""
    y = decode_point(pk)
    if y is None:
        return "INVALID_PUBLIC_KEY"
    if mul(8, y) == (0, 1):
        return "SMALL_ORDER_PUBLIC_KEY"
    if len(pi) != 80:
        return "INVALID_PROOF_LENGTH"
    gamma = decode_point(pi[:32])
    if gamma is None:
        return "INVALID_GAMMA"
    c, s = int.from_bytes(pi[32:48], "little"), int.from_bytes(pi[48:], "little")
    if s >= L:
        return "S_NOT_REDUCED"
    h = encode_to_curve(pk, alpha)
    u = add(mul(s, B), neg(mul(c, y)))
    v = add(mul(s, h), neg(mul(c, gamma)))
    return "ok" if challenge(y, h, gamma, u, v) == c else "CHALLENGE_MISMATCH"


EXAMPLES = [  # RFC 9381 Appendix B.3, Examples 16, 17 and 18: PK, alpha, pi
    ("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "8657106690b5526245a92b003bb079ccd1a92130477671f6fc01ad16f26f723f26f8a57ccaed74ee1b190bed1f479d97"
     "27d2d0f9b005a6e456a35d4fb0daab1268a1b0db10836d9826a528ca76567805"),
    ("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "f3141cd382dc42909d19ec5110469e4feae18300e94f304590abdced48aed5933bf0864a62558b3ed7f2fea45c92a465"
     "301b3bbf5e3e54ddf2d935be3b67926da3ef39226bbc355bdc9850112c8f4b02"),
    ("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "9bc0f79119cc5604bf02d23b4caede71393cedfbb191434dd016d30177ccbf8096bb474e53895c362d8628ee9f9ea3c0"
     "e52c7a5c691b6c18c9979866568add7a2d41b00b05081ed0f58ee5e31b3a970e"),
]


def le(n):
    return n.to_bytes(32, "little")


def flip(b, i, mask=0x01):
    b = bytearray(b)
    b[i] ^= mask
    return bytes(b)


def small_order_encodings():
    """The canonical encodings of the 8 points of order 1, 2, 4 and 8 (RFC 9381 section 5.4.5)."""
    bad_y2 = 2707385501144840649318225287225658788936804267575313519463743609750303402022
    out = []
    for y in (0, 1, bad_y2, P - bad_y2, P - 1):
        for sign in (0, 1):
            e = le(y | sign << 255)
            if decode_point(e) is not None:
                out.append((e, y, sign))
    assert len(out) == 8, len(out)
    return out


def first_y_not_on_curve():
    y = 2
    while decode_point(le(y)) is not None:
        y += 1
    return y


def vectors():
    out = []
    for n, (pk_hex, alpha_hex, pi_hex) in enumerate(EXAMPLES):
        ex = 16 + n
        pk, alpha, pi = bytes.fromhex(pk_hex), bytes.fromhex(alpha_hex), bytes.fromhex(pi_hex)
        assert verify(pk, alpha, pi) == "ok"
        name = f"Example {ex}"
        s = int.from_bytes(pi[48:], "little")
        for i, region in ((0, "Gamma's first byte"), (31, "Gamma's last byte, bit 0"),
                          (32, "c's first byte"), (47, "c's last byte"),
                          (48, "s's first byte"), (79, "s's last byte, bit 0")):
            out.append((f"{name} with bit 0 of byte {i} ({region}) of pi flipped", pk, alpha, flip(pi, i)))
        out.append((f"{name} with the sign bit of Gamma flipped (byte 31, 0x80): -Gamma", pk, alpha,
                    flip(pi, 31, 0x80)))
        out.append((f"{name} with s replaced by s + L, the same s mod L: a malleated proof", pk, alpha,
                    pi[:48] + le(s + L)))
        out.append((f"{name} with bit 7 of byte 79 set (s >= 2^255 > L)", pk, alpha, flip(pi, 79, 0x80)))
        out.append((f"{name} with alpha || 0x00 instead of alpha", pk, alpha + b"\x00", pi))
        other = EXAMPLES[(n + 1) % 3]
        out.append((f"{name} with the alpha of Example {16 + (n + 1) % 3}", pk,
                    bytes.fromhex(other[1]) if other[1] != alpha_hex else alpha + b"\x01", pi))
        out.append((f"{name} under the public key of Example {16 + (n + 1) % 3}", bytes.fromhex(other[0]),
                    alpha, pi))
        out.append((f"{name} with pi cut to 79 bytes", pk, alpha, pi[:79]))
        out.append((f"{name} with a zero byte appended to pi (81 bytes)", pk, alpha, pi + b"\x00"))

    pk, alpha, pi = bytes.fromhex(EXAMPLES[0][0]), b"", bytes.fromhex(EXAMPLES[0][2])
    name = "Example 16"
    for e, y, sign in small_order_encodings():
        label = {0: "0", 1: "1", P - 1: "p-1"}.get(y, "bad_y2" if y < P // 2 else "p-bad_y2")
        out.append((f"{name}'s proof under the small-order public key y = {label}, sign {sign}", e, alpha, pi))
    out.append((f"{name}'s proof under y = p + 1, a non-canonical encoding of the identity", le(P + 1), alpha, pi))
    out.append((f"{name}'s proof under y = p, a non-canonical encoding of a point of order 4", le(P), alpha, pi))
    out.append((f"{name}'s proof under y = 1 with the sign bit set (x = 0 encoded as -0)",
                le(1 | 1 << 255), alpha, pi))
    out.append((f"{name}'s proof under y = 2^255 - 1, above p", le(2**255 - 1), alpha, pi))
    bad_y = first_y_not_on_curve()
    out.append((f"{name}'s proof under y = {bad_y}, for which no x is on the curve", le(bad_y), alpha, pi))
    y = decode_point(pk)
    t4 = decode_point(le(0))
    mixed = encode_point(add(y, t4))
    out.append((f"{name}'s proof under PK + T4 (T4 of order 4): not small order, so validate_key passes,"
                " but the proof is not for this key", mixed, alpha, pi))
    for gamma, label in ((le(P + 1), "y = p + 1, a non-canonical encoding of the identity"),
                         (le(1 | 1 << 255), "y = 1 with the sign bit set (x = 0 encoded as -0)"),
                         (le(2**255 - 1), "y = 2^255 - 1, above p"),
                         (le(bad_y), f"y = {bad_y}, not on the curve"),
                         (le(1), "the identity, canonically encoded")):
        out.append((f"{name} with Gamma replaced by {label}", pk, alpha, gamma + pi[32:]))
    return out


def main():
    print("# Mutated proofs for ECVRF_verify (RFC 9381 section 5.3, ECVRF-EDWARDS25519-SHA512-TAI,")
    print("# validate_key = TRUE): each must be rejected for the reason given.")
    print("#")
    print("# Blocks separated by blank lines; '#' starts a comment line.")
    print("#   description  what was changed, and in which published example")
    print("#   pk, alpha, pi  lowercase hex (alpha may be empty)")
    print("#   want         reject:<VrfVerificationException.Reason>, the first step of RFC 9381")
    print("#                section 5.3 that fails")
    print("#")
    print("# Source: the proofs of RFC 9381 Appendix B.3 (Examples 16, 17, 18), changed as each")
    print("# description says. Written by make-negatives.py beside this file, whose plain Python")
    print("# ECVRF_verify decides each reason independently of the Java code.")
    for description, pk, alpha, pi in vectors():
        want = verify(pk, alpha, pi)
        assert want != "ok", description
        print()
        print(f"description: {description}")
        print(f"pk: {pk.hex()}")
        print(f"alpha: {alpha.hex()}")
        print(f"pi: {pi.hex()}")
        print(f"want: reject:{want}")


if __name__ == "__main__":
    main()
