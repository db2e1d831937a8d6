"""Editor forms of the knowledge library."""

from cms.forms import BasePageForm


class WorkshopPageForm(BasePageForm):
    """Checks a new workshop's date against its series. (A page not yet in the tree does not
    know its parent; once it is, ``WorkshopPage.clean`` does the same check.)"""

    def clean(self):
        cleaned_data = super().clean()
        if (
            self.instance._state.adding
            and self.parent_page is not None
            and "date" not in self.errors
        ):
            self.instance.date = cleaned_data.get("date")
            if error := self.instance.date_error(self.parent_page.specific):
                self.add_error("date", error)
        return cleaned_data
