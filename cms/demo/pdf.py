"""Real PDF files for the demo (fpdf2), so downloads, text extraction and search are real."""

from fpdf import FPDF

# The PDF core fonts speak Latin-1; typographic quotes and dashes are mapped to plain ones.
PLAIN = str.maketrans(
    {"„": '"', "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."}
)


def _plain(text: str) -> str:
    return text.translate(PLAIN)


def make_pdf(title: str, author: str, sections: list[tuple[str, list[str]]]) -> bytes:
    """A simple A4 document: a title page, then one section per (heading, paragraphs)."""
    pdf = FPDF(format="A4")
    pdf.set_title(_plain(title))
    pdf.set_author(_plain(author))
    pdf.set_creator("AG Soziale Stadt NRW – Demo")
    pdf.set_margins(22, 22, 22)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.ln(50)
    pdf.multi_cell(0, 10, _plain(title))
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 7, _plain(author))
    for heading, paragraphs in sections:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 8, _plain(heading))
        pdf.ln(3)
        pdf.set_font("Helvetica", "", 11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, _plain(paragraph))
            pdf.ln(3)
    return bytes(pdf.output())
