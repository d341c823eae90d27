"""People who take part in Vietnam's foreign relations, and their dated roles."""

import datetime

from pydantic import BaseModel, Field, model_validator

from vn_diplomacy.dates import PartialDate
from vn_diplomacy.records.base import Evidence, Item, PartyId, Record, Text, require_day

__all__ = ["Person", "Role"]


class Role(BaseModel, frozen=True, extra="forbid"):
    """A title a person held, on the date an article gives it."""

    title: Text = Field(description="The title as the article writes it.")
    entity: PartyId = Field(
        description="The country or organisation the role belongs to: a partner id, or VN for Vietnam."
    )
    as_of: PartialDate = Field(description="The date the article states the person held the role.")
    evidence: tuple[Evidence, ...] = Field(min_length=1, description="The quotes the role is taken from.")


class Person(Record, frozen=True):
    """A person who takes part in Vietnam's foreign relations in the articles."""

    name: Text = Field(description="The full name, with Vietnamese diacritics where known.")
    aliases: tuple[Item, ...] = Field(default=(), description="Other ways the articles write the name.")
    country: PartyId = Field(description="The country or organisation the person acts for: a partner id, or VN.")
    roles: tuple[Role, ...] = Field(
        min_length=1, description="The person's titles, oldest first, as the articles date them."
    )

    @model_validator(mode="after")
    def _ordered(self) -> "Person":
        if len(self.roles) < 2:  # most people: nothing to order, no dates to work out
            return self
        keys = [(role.as_of.earliest, role.as_of.latest) for role in self.roles]
        if keys != sorted(keys):
            raise ValueError("roles must be ordered by their as_of dates")
        return self

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def title(self) -> str:
        """The latest title the articles give, in full as the article writes it ("General Secretary and President")."""
        return self.roles[-1].title

    def role_on(self, day: datetime.date) -> Role | None:
        """The person's role on `day`, as far as the articles know: the latest role attested on or before it.

        A role counts from the first day its date can mean, and holds until a later one; None before the first
        role the articles give (nothing is known then).

        Raises:
            TypeError: `day` is not a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> vd.people.get("bui-thanh-son").role_on(datetime.date(2024, 12, 1)).title
            'Deputy Prime Minister and Minister of Foreign Affairs'
        """
        require_day(day, "day")
        current: Role | None = None
        for role in self.roles:
            if role.as_of.earliest > day:
                break
            current = role
        return current

    def roles_on(self, day: datetime.date) -> tuple[Role, ...]:
        """The roles an article states the person held on `day` (roles are dated, not ranged).

        Raises:
            TypeError: `day` is not a `datetime.date`.

        Examples:
            >>> import datetime, vn_diplomacy as vd
            >>> [role.title for role in vd.people.get("bui-thanh-son").roles_on(datetime.date(2024, 3, 18))]
            ['Minister of Foreign Affairs']
        """
        require_day(day, "day")
        return tuple(role for role in self.roles if role.as_of.contains(day))
