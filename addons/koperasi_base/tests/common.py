"""Helpers the suite's tests share."""


def english_interface(env):
    """Let a test read the suite's English source texts.

    The showcase database the test command builds (like ``scripts/demo.sh``)
    speaks Bahasa Indonesia: the website's default language and every
    contact's language. Tests that assert on English labels, amounts in
    English number format or report texts switch their own transaction back
    to English; the persona tests (``personas.PersonaCase``) check the
    Indonesian side. Nothing is committed.
    """
    english = env.ref("base.lang_en")
    if "website" in env:
        env["website"].sudo().search([]).write({"default_lang_id": english.id})
    env["res.partner"].sudo().with_context(active_test=False).search(
        [("lang", "!=", english.code)]
    ).write({"lang": english.code})
