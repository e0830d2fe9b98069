"""Field forms: the follow-up and intake questionnaires as XLSForms for KoboToolbox / ODK Collect
(field staff in municipalities without signal), and the import of their submissions."""
