#!/usr/bin/env python3
"""Writes the three Buckwalter character tables in Lexicons/translit/.

Run from the package root: python3 Lexicons/scripts/make_bw_tables.py
Columns of the table below: code point, Buckwalter, safe Buckwalter. XML Buckwalter is
Buckwalter with the three XML specials replaced (> O, < I, & W).
"""
import unicodedata

TABLE = [
    (0x0621, "'", "C"), (0x0622, "|", "M"), (0x0623, ">", "O"), (0x0624, "&", "W"), (0x0625, "<", "I"),
    (0x0626, "}", "Q"), (0x0627, "A", "A"), (0x0628, "b", "b"), (0x0629, "p", "p"), (0x062A, "t", "t"),
    (0x062B, "v", "v"), (0x062C, "j", "j"), (0x062D, "H", "H"), (0x062E, "x", "x"), (0x062F, "d", "d"),
    (0x0630, "*", "V"), (0x0631, "r", "r"), (0x0632, "z", "z"), (0x0633, "s", "s"), (0x0634, "$", "c"),
    (0x0635, "S", "S"), (0x0636, "D", "D"), (0x0637, "T", "T"), (0x0638, "Z", "Z"), (0x0639, "E", "E"),
    (0x063A, "g", "g"), (0x0640, "_", "_"), (0x0641, "f", "f"), (0x0642, "q", "q"), (0x0643, "k", "k"),
    (0x0644, "l", "l"), (0x0645, "m", "m"), (0x0646, "n", "n"), (0x0647, "h", "h"), (0x0648, "w", "w"),
    (0x0649, "Y", "Y"), (0x064A, "y", "y"), (0x064B, "F", "F"), (0x064C, "N", "N"), (0x064D, "K", "K"),
    (0x064E, "a", "a"), (0x064F, "u", "u"), (0x0650, "i", "i"), (0x0651, "~", "~"), (0x0652, "o", "o"),
    (0x0670, "`", "e"), (0x0671, "{", "L"),
    (0x067E, "P", "P"), (0x0686, "J", "J"), (0x06A4, "V", "B"), (0x06AF, "G", "G"),
]
XML = {0x0623: "O", 0x0625: "I", 0x0624: "W"}


def write(name, title, column):
    with open(f"Lexicons/translit/{name}.tsv", "w", encoding="utf-8") as out:
        out.write(f"# {title}: Arabic code point <TAB> ASCII symbol <TAB> character name. One symbol per character, both directions.\n")
        out.write("# Source: Tim Buckwalter's transliteration (1990s, public domain convention); safe/XML variants as in Habash,\n")
        out.write("# 'Introduction to Arabic Natural Language Processing' (2010) and CAMeL Tools' charmaps; extended letters\n")
        out.write("# (peh, tcheh, veh, gaf) as in CAMeL's extended Buckwalter. Licence: this table is ours, Apache-2.0.\n")
        out.write("# Regenerate: written by hand; the three files were produced together by the table in Lexicons/scripts/make_bw_tables.py\n")
        out.write("#   (python3 Lexicons/scripts/make_bw_tables.py, run from the package root).\n")
        for codepoint, bw, safe in TABLE:
            out.write(f"{codepoint:04X}\t{column(codepoint, bw, safe)}\t{unicodedata.name(chr(codepoint))}\n")


write("buckwalter", "Buckwalter", lambda cp, bw, safe: bw)
write("safe-buckwalter", "Safe Buckwalter (ASCII letters plus _ and ~: no shell, regex or XML specials)", lambda cp, bw, safe: safe)
write("xml-buckwalter", "XML Buckwalter (no < > &)", lambda cp, bw, safe: XML.get(cp, bw))
