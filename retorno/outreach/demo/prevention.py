"""Demo campaigns, policy dialogue and partner strengthening."""

import datetime
from decimal import Decimal

from retorno.geo.models import Municipality
from retorno.outreach import actions
from retorno.outreach.models import (
    Campaign,
    CapacityChecklist,
    DialogueEvent,
    PartnerAgreement,
)


def campaigns_load(officer, orgs) -> None:
    munis = {
        m.code: m
        for m in Municipality.objects.filter(code__in=["1201", "1215", "1217", "1213", "1205", "1301", "1401", "1801"])
    }
    plans = [
        (
            "No me Dejo Engañar",
            "schools",
            ["schools", "print"],
            ["1301", "1401", "1801", "1201"],
            ["svet", "mineduc"],
            "Dar a docentes herramientas para enseñar a sus estudiantes a reconocer la trata.",
            [
                ("school_talk", "1301", 180, 165, 0, 345, 4, 0),
                ("school_talk", "1401", 140, 150, 0, 290, 3, 0),
                ("distribution", "1801", 0, 0, 600, 0, 6, 0),
                ("school_talk", "1201", 160, 170, 0, 330, 5, 0),
            ],
        ),
        (
            "Radio en comunidades fronterizas: cómo denunciar la trata",
            "radio",
            ["radio"],
            ["1215", "1217"],
            ["ecpat", "radio-sm"],
            "Difundir mecanismos de prevención y denuncia en comunidades de frontera.",
            [("broadcast", "1215", 0, 0, 4000, 0, 0, 24), ("broadcast", "1217", 0, 0, 2500, 0, 0, 16)],
        ),
        (
            "Campaña municipal de prevención — San Marcos",
            "communities",
            ["municipal", "community"],
            ["1201", "1213", "1205"],
            ["omm-san-marcos", "seprem", "muni-san-marcos"],
            "Informar en municipios prioritarios con las Oficinas Municipales de la Mujer.",
            [
                ("community", "1201", 85, 40, 0, 20, 0, 0),
                ("fair", "1213", 210, 190, 0, 120, 2, 0),
                ("workshop", "1205", 35, 12, 0, 0, 0, 0),
            ],
        ),
    ]
    for name, audience, channels, muni_codes, partners, objective, activities in plans:
        if Campaign.objects.filter(name=name).exists():
            continue
        campaign = actions.campaign_create(
            actor=officer,
            name=name,
            objective=objective,
            audience=audience,
            channels=channels,
            starts_on=datetime.date(2012, 2, 1),
            ends_on=datetime.date(2013, 6, 30),
            municipalities=[munis[c] for c in muni_codes],
            partners=[orgs[p] for p in partners],
        )
        for n, (kind, code, f, m, u, minors, schools, broadcasts) in enumerate(activities):
            actions.campaign_activity_record(
                actor=officer,
                campaign=campaign,
                kind=kind,
                date=datetime.date(2012, 3 + 2 * n, 15),
                municipality=munis[code],
                reached_female=f,
                reached_male=m,
                reached_unknown=u,
                reached_minors=minors,
                schools=schools,
                broadcasts=broadcasts,
            )


def dialogue_load(officer, orgs) -> None:
    events = [
        (
            "national_dialogue",
            "Diálogo nacional sobre migración y retorno",
            datetime.date(2012, 10, 18),
            ["minex", "igm", "svet", "pdh", "unicef", "acnur", "ecpat", "casa-del-migrante"],
            "Perfil migratorio actualizado; necesidades de las personas retornadas.",
            "Hoja de ruta interinstitucional para la atención a retornados.",
        ),
        (
            "congress_session",
            "Comisión del Migrante: Iniciativa 4126 (reforma a la Ley de Migración 95-98)",
            datetime.date(2013, 4, 9),
            ["congreso-migrante", "igm", "minex", "pdh"],
            "Asistencia técnica con datos actualizados de migración.",
            "La comisión pide insumos técnicos para el dictamen.",
        ),
    ]
    for kind, title, date, slugs, positions, outcomes in events:
        if DialogueEvent.objects.filter(title=title).exists():
            continue
        event = actions.dialogue_create(
            actor=officer, kind=kind, title=title, date=date, positions_presented=positions, outcomes=outcomes
        )
        for slug in slugs:
            actions.dialogue_participant_add(actor=officer, event=event, organisation=orgs[slug], people=2)
        actions.dialogue_follow_up_add(
            actor=officer,
            event=event,
            action="Enviar el perfil migratorio a los participantes",
            owner=orgs["programa"],
            due_on=date + datetime.timedelta(days=30),
        )


def partners_load(officer, orgs) -> None:
    name = "Capacidad administrativa de organizaciones socias"
    checklist = CapacityChecklist.objects.filter(name=name).first()
    if checklist is None:
        checklist = actions.checklist_create(
            actor=officer,
            name=name,
            criteria=[
                ("Gobernanza", "Junta directiva activa y actas al día", 3),
                ("Gobernanza", "Plan estratégico vigente", 3),
                ("Finanzas", "Contabilidad auditada anualmente", 3),
                ("Finanzas", "Controles de caja y compras", 3),
                ("Atención", "Protocolos de atención a víctimas", 3),
                ("Atención", "Personal capacitado en trata", 3),
            ],
        )
        criteria = list(checklist.criteria.all())
        assessment = actions.assessment_record(
            actor=officer,
            organisation=orgs["refugio-ninez"],
            checklist=checklist,
            assessed_on=datetime.date(2012, 3, 1),
            scores={c.pk: s for c, s in zip(criteria, [2, 1, 1, 2, 3, 2], strict=True)},
            notes="Evaluación de la firma consultora para la acreditación ante USAID.",
        )
        plan = actions.plan_create(
            actor=officer,
            organisation=orgs["refugio-ninez"],
            title="Plan de fortalecimiento institucional",
            assessment=assessment,
        )
        for text, due, status in [
            ("Auditoría externa de estados financieros", datetime.date(2012, 9, 30), "done"),
            ("Plan estratégico 2013–2016", datetime.date(2012, 12, 15), "in_progress"),
            ("Manual de compras", datetime.date(2013, 3, 31), None),
        ]:
            item = actions.plan_action_add(actor=officer, plan=plan, action=text, due_on=due)
            if status:
                actions.plan_action_set_status(actor=officer, item=item, status=status)
    title = "Subvención Casa del Migrante — albergue temporal 72 horas"
    if not PartnerAgreement.objects.filter(title=title).exists():
        agreement = actions.agreement_create(
            actor=officer,
            organisation=orgs["casa-del-migrante"],
            title=title,
            amount=Decimal("90000.00"),
            starts_on=datetime.date(2013, 1, 1),
            ends_on=datetime.date(2013, 12, 31),
            purpose="Alojamiento, alimentación y llamadas para personas retornadas sin lugar adonde ir.",
        )
        for n, amount in enumerate(("30000.00", "30000.00", "30000.00")):
            actions.agreement_tranche_add(
                actor=officer, agreement=agreement, amount=Decimal(amount), due_on=datetime.date(2013, 1 + 4 * n, 10)
            )
        actions.agreement_target_add(actor=officer, agreement=agreement, indicator="Noches de albergue", target=2400)
        actions.agreement_report_add(
            actor=officer, agreement=agreement, title="Informe semestral", due_on=datetime.date(2013, 7, 15)
        )
        actions.agreement_set_status(actor=officer, agreement=agreement, status="submitted")
