#!/usr/bin/env python3
"""Writes Lexicons/charmaps/arabic-normalization.tsv, the character table of Qalam's
Normalizer: which characters each normalization step removes or replaces.

The selection of characters is Qalam's own (written from the Unicode code charts);
character names come from the Unicode Character Database via Python's `unicodedata`.

Run from the package root:

    python3 Lexicons/scripts/make_normalization_charmap.py > Lexicons/charmaps/arabic-normalization.tsv
"""
import sys
import unicodedata


def span(first, last):
    return list(range(first, last + 1))


# step name -> list of (code point, replacement code point or None for removal)
STEPS = []


def removal(step, code_points):
    STEPS.append((step, [(c, None) for c in code_points]))


def mapping(step, pairs):
    STEPS.append((step, list(pairs)))


# Harakat and the other Arabic combining marks: tanween (fathatan, dammatan, kasratan),
# fatha, damma, kasra, shadda, sukun, maddah/hamza above and below and the other marks
# of U+0653..U+065F, and the superscript (dagger) alef.
removal("diacritics", span(0x064B, 0x065F) + [0x0670])

# Quranic annotation marks: honorifics and small high letters (U+0610..U+061A), the small
# high/low marks of U+06D6..U+06ED (the end-of-ayah sign U+06DD and the rub el hizb U+06DE
# are kept; U+06E9 the place of sajdah is a symbol and is kept), and the Quranic marks of
# Arabic Extended-A (U+08CA..U+08FF except U+08E2, a format character).
removal("quranic-marks",
        span(0x0610, 0x061A) + span(0x06D6, 0x06DC) + span(0x06DF, 0x06E8) + span(0x06EA, 0x06ED)
        + span(0x08CA, 0x08E1) + span(0x08E3, 0x08FF))

# Tatweel (kashida), the elongation stroke: العـــربية → العربية.
removal("tatweel", [0x0640])

# Bidirectional controls: Arabic letter mark, left-to-right and right-to-left marks,
# embeddings, overrides and their pop, isolates and their pop.
removal("bidi-controls", [0x061C, 0x200E, 0x200F] + span(0x202A, 0x202E) + span(0x2066, 0x2069))

# Zero-width and other invisible format characters: soft hyphen, Mongolian vowel
# separator, zero-width space, non-joiner and joiner, word joiner, invisible math
# operators, zero-width no-break space (byte order mark). The normalizer keeps a
# zero-width joiner that sits between two emoji (it is part of the emoji sequence).
removal("zero-width", [0x00AD, 0x180E, 0x200B, 0x200C, 0x200D] + span(0x2060, 0x2064) + [0xFEFF])

# Persian, Urdu, Kurdish, Pashto and Sindhi letters to the Arabic letter they are written
# for in Arabic text. Runs before the hamza-seat, alef maqsura and taa marbuta folds, so
# ۓ → ئ → ي and ۃ → ة → ه when those steps are on too.
mapping("persian-letters", [
    (0x06A9, 0x0643),  # keheh → kaf
    (0x06AA, 0x0643),  # swash kaf → kaf
    (0x06AF, 0x0643),  # gaf → kaf
    (0x06CC, 0x064A),  # farsi yeh → yeh
    (0x06D0, 0x064A),  # yeh e → yeh
    (0x06CD, 0x064A),  # yeh with tail → yeh
    (0x06D2, 0x064A),  # yeh barree → yeh
    (0x06D3, 0x0626),  # yeh barree with hamza above → yeh with hamza above
    (0x06D5, 0x0647),  # ae → heh
    (0x06BE, 0x0647),  # heh doachashmee → heh
    (0x06C1, 0x0647),  # heh goal → heh
    (0x06C0, 0x0647),  # heh with yeh above → heh
    (0x06C2, 0x0647),  # heh goal with hamza above → heh
    (0x06C3, 0x0629),  # teh marbuta goal → teh marbuta
    (0x067E, 0x0628),  # peh → beh
    (0x0686, 0x062C),  # tcheh → jeem
    (0x0698, 0x0632),  # jeh → zain
    (0x06A4, 0x0641),  # veh → feh
    (0x06A8, 0x0642),  # qaf with three dots above → qaf
    (0x0679, 0x062A),  # tteh → teh
    (0x0688, 0x062F),  # ddal → dal
    (0x0691, 0x0631),  # rreh → reh
    (0x06BA, 0x0646),  # noon ghunna → noon
    (0x06C6, 0x0648),  # oe → waw
    (0x06C7, 0x0648),  # u → waw
    (0x06C8, 0x0648),  # yu → waw
    (0x06CB, 0x0648),  # ve → waw
])

# Hamza seats: waw with hamza above → waw, yeh with hamza above → yeh.
mapping("hamza-seats", [(0x0624, 0x0648), (0x0626, 0x064A)])

# Alef forms: with madda above, with hamza above, with hamza below, wasla, with wavy
# hamza above and below → bare alef.
mapping("alef", [(c, 0x0627) for c in (0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673)])

# Alef maqsura → yeh (إلى → الي).
mapping("alef-maqsura", [(0x0649, 0x064A)])

# Taa marbuta → heh (مدرسة → مدرسه).
mapping("taa-marbuta", [(0x0629, 0x0647)])

# Arabic-Indic and Eastern Arabic-Indic (Persian/Urdu) digits → ASCII digits, and the
# Arabic decimal separator, thousands separator and percent sign → "." "," "%".
mapping("digits",
        [(0x0660 + d, 0x30 + d) for d in range(10)] + [(0x06F0 + d, 0x30 + d) for d in range(10)]
        + [(0x066B, 0x2E), (0x066C, 0x2C), (0x066A, 0x25)])


def name(c):
    return unicodedata.name(chr(c), "U+%04X" % c)


out = sys.stdout
out.write("# Qalam normalizer character table: the characters each normalization step removes or replaces.\n")
out.write("# Source: character selection by the Qalam authors from the Unicode code charts; names from the\n")
out.write("# Unicode Character Database (Python unicodedata %s).\n" % unicodedata.unidata_version)
out.write("# Licence: this table is part of Qalam (same licence as the project); Unicode data is under the\n")
out.write("# Unicode License v3.\n")
out.write("# Regenerate: python3 Lexicons/scripts/make_normalization_charmap.py > Lexicons/charmaps/arabic-normalization.tsv\n")
out.write("# Columns: step, code point, replacement code point (empty = remove), character name.\n")
out.write("# Steps apply in the order of this file (the order of NormalizationStep), after Unicode normalization.\n")
for step, pairs in STEPS:
    for c, r in pairs:
        target = "" if r is None else "U+%04X" % r
        label = name(c) if r is None else "%s -> %s" % (name(c), name(r))
        out.write("%s\tU+%04X\t%s\t%s\n" % (step, c, target, label))
