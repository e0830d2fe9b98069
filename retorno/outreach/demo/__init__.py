"""Demo outreach at the programme report's scale (idempotent): the institutions it names, 229 judges
trained on trafficking in eight regional courses, the forensic-speech course of the MP's trafficking
unit, five departmental networks plus the San Marcos working group, the civil-society network of 19
organisations, "No me Dejo Engañar", radio and municipal campaigns, the national dialogue and the
Congress Migrant Commission (Initiative 4126), and the shelters funded, assessed and strengthened.

Everything goes through the actions as the officer for institutions ("instituciones"); a second run
finds every record by its name and creates nothing.
"""

import random

from django.db import transaction

from retorno.accounts.models import Organisation
from retorno.outreach.demo.costs import training_costs_load
from retorno.outreach.demo.institutions import (
    directory_load,
    judges_trainings_load,
    networks_load,
    officer_get,
    prosecutors_training_load,
)
from retorno.outreach.demo.prevention import campaigns_load, dialogue_load, partners_load
from retorno.outreach.models import Campaign, DialogueEvent, Network, Training


@transaction.atomic
def load(*, options: dict, stdout) -> None:
    orgs = {o.slug: o for o in Organisation.objects.all()}
    officer = officer_get(orgs)
    orgs = directory_load(officer)
    rng = random.Random(2013)
    judges_trainings_load(officer, orgs, rng)
    prosecutors_training_load(officer, orgs)
    networks_load(officer, orgs)
    campaigns_load(officer, orgs)
    dialogue_load(officer, orgs)
    partners_load(officer, orgs)
    training_costs_load(stdout)
    stdout.write(
        f"outreach: {Training.objects.count()} trainings, {Network.objects.count()} networks, "
        f"{Campaign.objects.count()} campaigns, {DialogueEvent.objects.count()} dialogue events"
    )
