"""What the demo loads: the institutions, networks and courses the programme report names."""

from retorno.accounts.models import Organisation

K = Organisation.Kind
# slug, name, acronym, kind, parent slug
INSTITUTIONS = [
    ("oj", "Organismo Judicial", "OJ", K.JUDICIARY, None),
    ("oj-escuela", "Escuela de Estudios Judiciales", "EEJ", K.JUDICIARY, "oj"),
    ("mp", "Ministerio Público", "MP", K.PROSECUTION, None),
    ("mp-fiscalia-trata", "Ministerio Público — Fiscalía contra la Trata de Personas", "FTP", K.PROSECUTION, "mp"),
    ("pgn", "Procuraduría General de la Nación (PGN)", "PGN", K.PGN, None),
    ("svet", "Secretaría contra la Violencia Sexual, Explotación y Trata de Personas", "SVET", K.SVET, None),
    ("pdh", "Procurador de los Derechos Humanos", "PDH", K.PDH, None),
    ("renap", "Registro Nacional de las Personas", "RENAP", K.REGISTRY, None),
    ("intecap", "INTECAP", "INTECAP", K.TRAINING, None),
    ("pnc", "Policía Nacional Civil", "PNC", K.POLICE, None),
    ("inacif", "Instituto Nacional de Ciencias Forenses", "INACIF", K.GOVERNMENT, None),
    ("seprem", "Secretaría Presidencial de la Mujer", "SEPREM", K.GOVERNMENT, None),
    ("mintrab", "Ministerio de Trabajo y Previsión Social", "MINTRAB", K.MINISTRY, None),
    ("mspas", "Ministerio de Salud Pública y Asistencia Social", "MSPAS", K.MINISTRY, None),
    ("mineduc", "Ministerio de Educación", "MINEDUC", K.MINISTRY, None),
    ("minex", "Ministerio de Relaciones Exteriores", "MINEX", K.MINISTRY, None),
    ("igm", "Instituto Guatemalteco de Migración", "IGM", K.MIGRATION, None),
    ("congreso", "Congreso de la República", "", K.LEGISLATURE, None),
    ("congreso-migrante", "Comisión del Migrante del Congreso", "", K.LEGISLATURE, "congreso"),
    ("consulado-houston", "Consulado de Guatemala en Houston", "", K.CONSULATE, "minex"),
    ("muni-san-marcos", "Municipalidad de San Marcos", "", K.MUNICIPALITY, None),
    ("omm-san-marcos", "Oficina Municipal de la Mujer de San Marcos", "OMM", K.MUNICIPALITY, "muni-san-marcos"),
    ("muni-malacatan", "Municipalidad de Malacatán", "", K.MUNICIPALITY, None),
    ("ecpat", "ECPAT Guatemala", "ECPAT", K.NGO, None),
    ("refugio-ninez", "El Refugio de la Niñez", "", K.NGO, None),
    ("amor-sin-fronteras", "Albergue Amor sin Fronteras", "", K.SHELTER, "refugio-ninez"),
    ("casa-del-migrante", "Casa del Migrante", "", K.SHELTER, None),
    ("casa-nuestras-raices", "Casa Nuestras Raíces", "", K.SHELTER, None),
    ("usaid", "Agencia de los Estados Unidos para el Desarrollo Internacional", "USAID", K.DONOR, None),
    ("unicef", "UNICEF Guatemala", "UNICEF", K.INTERNATIONAL, None),
    ("acnur", "ACNUR Guatemala", "ACNUR", K.INTERNATIONAL, None),
    ("radio-sm", "Radio Comunitaria Sanmarquense", "", K.MEDIA, None),
]
# The civil-society network against trafficking: ECPAT and about 19 organisations in all.
CSO_NETWORK = [
    "Fundación Sobrevivientes",
    "Asociación La Alianza",
    "Pastoral de Movilidad Humana",
    "Mujeres Transformando el Mundo",
    "Asociación Pop No'j",
    "Colectivo Vida Digna",
    "Red Jóvenes por la Paz",
    "Asociación Lambda",
    "Fundación Esperanza y Fraternidad",
    "Centro de Estudios de Guatemala",
    "Grupo Guatemalteco de Mujeres",
    "Asociación Coordinadora Comunitaria de Servicios para la Salud",
    "Movimiento Social por los Derechos de la Niñez",
    "Instituto de Estudios Comparados en Ciencias Penales",
]
NETWORKS = [
    ("Red departamental contra la trata — Izabal", "departmental", "18"),
    ("Red departamental contra la trata — Quiché", "departmental", "14"),
    ("Red departamental contra la trata — Huehuetenango", "departmental", "13"),
    ("Red departamental contra la trata — Sololá", "departmental", "07"),
    ("Red departamental contra la trata — Sacatepéquez", "departmental", "03"),
    ("Mesa departamental de migración y seguridad humana — San Marcos", "working_group", "12"),
]
NETWORK_MEMBERS = ["svet", "pdh", "pgn", "mp", "pnc", "seprem", "inacif", "mintrab", "mspas"]
# Eight regional courses for judges: (place, department, judges) — 229 in all.
JUDGE_COURSES = [
    ("Guatemala", "01", 32),
    ("Quetzaltenango", "09", 30),
    ("Huehuetenango", "13", 29),
    ("San Marcos", "12", 28),
    ("Cobán", "16", 27),
    ("Puerto Barrios", "18", 26),
    ("Santa Cruz del Quiché", "14", 29),
    ("Escuintla", "05", 28),
]
POSITIONS = ["Juez de paz", "Jueza de paz", "Juez de primera instancia", "Jueza de primera instancia", "Magistrado"]
