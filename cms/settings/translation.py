"""Machine translation for wagtail-localize's translation editor, configured by environment.

Off unless ``DEEPL_API_KEY`` is set: then editors get a "Translate with DeepL" button in the
translation editor and an option when syncing. A key of DeepL's free plan (ending in ``:fx``) is
sent to the free API endpoint by wagtail-localize itself.
"""

DEEPL_TRANSLATOR = "wagtail_localize.machine_translators.deepl.DeepLTranslator"


def machine_translator(deepl_api_key: str = "", timeout: int = 30) -> dict | None:
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` setting: DeepL with the key, or None (off)."""
    deepl_api_key = deepl_api_key.strip()
    if not deepl_api_key:
        return None
    return {
        "CLASS": DEEPL_TRANSLATOR,
        "OPTIONS": {"AUTH_KEY": deepl_api_key, "TIMEOUT": timeout},
    }
