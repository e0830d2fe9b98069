"""Every audit action name the people app writes (values are the names stored in the audit log).

The matching workflow's names (merge, unmerge, not the same, pair status) are here too, so the
whole registry speaks from one list.
"""

import enum


class AuditAction(enum.StrEnum):
    PERSON_CREATE = "person.create"
    PERSON_UPDATE = "person.update"
    IDENTIFIER_ADD = "identifier.add"
    IDENTIFIER_REMOVE = "identifier.remove"
    CONTACT_ADD = "contact.add"
    CONTACT_REMOVE = "contact.remove"
    CONSENT_RECORD = "consent.record"
    # The matching workflow (match_actions).
    MATCH_PAIR_STATUS = "match_pair.status"
    PERSON_NOT_SAME = "person.not_same"
    PERSON_MERGE = "person.merge"
    PERSON_UNMERGE = "person.unmerge"
