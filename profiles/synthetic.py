"""Synthetic district profiles for the benchmarks (``generate_content``, cms.demo.synthetic)."""

from cms.demo.synthetic import Kind, register_kind

from .models import DistrictProfilePage, MunicipalityPage


def municipalities(locale) -> list:
    pages = list(MunicipalityPage.objects.filter(locale=locale))
    if not pages:
        raise LookupError(MunicipalityPage._meta.verbose_name)
    return pages


register_kind(
    Kind(
        name="profile",
        model=DistrictProfilePage,
        share=0.20,
        parents=municipalities,
        values=lambda text, n: {
            "programme": "sozialer-zusammenhalt",
            "status": text.pick(["laufend", "abgeschlossen"]),
            "funding_start": 2000 + n % 20,
            "funding_end": None,
            "location": "51.4556,7.0116",
            "teaser": text.sentence(),
            "character": text.stream(2),
            "potentials": text.stream(2),
            "perspectives": text.stream(1),
        },
    )
)
