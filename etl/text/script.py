"""Traditional characters read as their simplified forms, one for one, so that offsets hold."""

from __future__ import annotations

import re

from etl.text.numbers import OTHER_FORMS, plain

# A text holding more distinct traditional characters than this is translated in one pass: each
# str.replace reads the whole text, the translation reads it once at a dict lookup per character.
FEW_FORMS = 64


class ScriptForms:
    """A table of traditional characters and their simplified forms (script_forms.csv)."""

    __slots__ = ("_chain", "_either", "_forms", "_table", "_traditional")

    def __init__(self, forms: dict[str, str]):
        self._forms = forms
        self._table = str.maketrans(forms)
        self._traditional: re.Pattern | None = None  # compiled on first use: `traditional`
        # A simplified form that is itself a traditional one: replacements one by one would turn it
        # again, where the translation does not.
        self._chain = any(form in forms for form in forms.values())
        # A traditional character or a numeral form numbers.plain reads (壹, 萬): one search for both.
        self._either = re.compile(f"[{re.escape(''.join(sorted({*forms, *OTHER_FORMS})))}]")

    @property
    def traditional(self) -> re.Pattern:
        """Any traditional character: a simplified report (most) is spared the translation. Compiled
        when a text first holds a traditional character or a numeral form (`read`): the class of a few
        thousand characters takes about 3 ms to compile, which a process reading only simplified
        reports need not pay."""
        if self._traditional is None:
            forms = self._forms
            self._traditional = re.compile(f"[{re.escape(''.join(forms))}]" if forms else "(?!)")
        return self._traditional

    def read(self, text: str) -> tuple[str, str]:
        """(`text` simplified, that with plain numeral forms: plain(simplified(text))). One search tells
        a text that holds neither kind (most reports), which each would otherwise search for."""
        if self._either.search(text) is None:
            return text, text
        scan = self.simplified(text)
        return scan, plain(scan)

    def simplified(self, text: str) -> str:
        """The same as text.translate(table), which looks every character up in the table (a dict
        lookup each, through Python objects); a simplified report holding a few traditional
        characters (a name, a quotation) has each replaced instead, by a str.replace at C speed."""
        traditional = self.traditional
        found = traditional.search(text)
        if found is None:
            return text
        forms = () if self._chain else set(traditional.findall(text, found.start()))
        if not forms or len(forms) > FEW_FORMS:
            return text.translate(self._table)  # a traditional report: one pass for all
        for form in forms:
            text = text.replace(form, self._forms[form])
        return text
