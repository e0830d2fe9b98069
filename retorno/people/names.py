"""Guatemalan names with their frequencies: the one set of name lists, for the demo data and the
benchmarks' generators (``benchmarks/gt_names.py``, which the product never imports).

Each list is in order of frequency, most common first; a name's weight follows a Zipf-like
curve over its rank (``zipf``, with ``ZIPF_EXPONENT``): López common, Xitumul rare. Mayan
surnames are frequent in the western highlands, where most returnees come from
(``MAYAN_SHARE``, by department).
"""


def _words(text: str) -> list[str]:
    """A list of single-word names written as text, in order of frequency."""
    return text.split()


SPANISH_SURNAMES = _words("""
López García Pérez Hernández Gómez Morales Ramírez González Rodríguez Martínez Méndez Juárez Cruz
Ramos Castillo Ortiz Reyes Chávez Vásquez Díaz Mejía Velásquez Aguilar Sánchez Herrera Gutiérrez
Santos Castro Jiménez Marroquín Estrada Orellana Alvarado Flores Mazariegos Barrios Monterroso
Fuentes Escobar Rivera Ruiz Mendoza Salazar Cifuentes Recinos Vásquez Girón Ávila Calderón Cardona
Carrillo Contreras Córdova Domínguez Echeverría Figueroa Galindo Godínez Guzmán Lemus Lima Lorenzo
Maldonado Marín Miranda Molina Monroy Montenegro Muñoz Navarro Núñez Ordóñez Osorio Pineda Quiñónez
Rojas Romero Rosales Samayoa Sandoval Solís Sosa Toledo Valdez Vargas Villatoro Zamora Zepeda
Arriaga Barrera Bautista Cabrera Camposeco Hidalgo Alonzo Ambrosio Bámaca Cano Carías Ixcot Mérida
Nájera Paredes Tobar Villagrán Zacarías Gálvez Yoc
""")
PARTICLE_SURNAMES = ["de León", "de la Cruz", "de Paz", "del Cid", "de Jesús", "del Valle"]
MAYAN_SURNAMES = _words("""
Xitumul Tzul Xicará Cux Chen Tzoc Quiej Ixcoy Cumes Cutzal Tzunún Xocop Coc Caal Choc Pop Tiul
Maquín Ical Bol Cac Chub Xol Tut Yat Ajú Ajanel Batz Boror Chiroy Coyoy Cuxil Guarchaj Ixcot Nimatuj
Pocop Quisquiná Sajché Sicán Sohom Tambriz Tojil Tum Xuruc Yax Ixmay Tzay Chavajay Sapalú Chumil Cuc
Camey Coj Canil Cuá Ajcalón Ajpacajá Tecún Ixtabalán Cotzajay Yac Saquic Sacor Quib Cholotío Mucía
Ixquiac Toj Xuc Lux Tuy Quixtán Ixcaquic Chox Baten Tzunux Can Cuyuch Suy Xinico Xiloj Quex Tay
Ajtún Bin Cham Max Ché Chanchavac Chocooj Cojtín Cuxum Ixchop Lacán Mactzul Pelicó Puac Quinilla
Saloj Sipac Tiniguar Tuyuc Us Xalín Xiquín Yool Zacarías Cuzanero Bac Chiquín Chun Macz Pacay Sis
Tot Xó
""")
MALE_NAMES = _words("""
José Juan Luis Carlos Jorge Mario Marvin Edgar Byron Wilson Selvin Erick Kevin Brayan Elmer Santos
Pedro Francisco Manuel Miguel Domingo Diego Gaspar Tomás Mateo Marcos Andrés Cristóbal Baltazar
Melvin Walter Óscar Rony Nery Hugo Otto Esvin Wilmer Yoni Henry Axel Jefferson Anderson Sebastián
Lucas Pascual Nicolás Felipe Santiago Jacinto Antonio Alejandro Fernando Rafael Roberto Ricardo
Sergio Julio César Héctor Víctor Rubén Rolando Gerson Geovany Estuardo Alfredo Armando Arnulfo Abel
Isaac Jonathan Josué Moisés Eliseo Efraín Hermelindo Aroldo Baudilio Eduardo Gustavo Javier Daniel
David Samuel Bernardo Rigoberto Álvaro Leonel Vinicio Yovani Wálter Ervin Gilberto Emilio Hilario
Saúl Ismael Abner Belarmino Everardo
""")
FEMALE_NAMES = _words("""
María Ana Rosa Juana Marta Catarina Olga Sandra Gladys Karla Heidy Yesenia Dulce Ingrid Lesly Sonia
Brenda Floridalma Dora Sebastiana Petrona Tomasa Magdalena Candelaria Dominga Glendy Evelyn Yeimi
Mayra Lilian Kimberly Vilma Aura Elvira Antonia Francisca Isabel Lucía Elena Andrea Gabriela Silvia
Patricia Carmen Blanca Marina Delfina Micaela Manuela Cristina Josefina Reyna Griselda Esperanza
Paola Jennifer Wendy Leticia Irma Hilda Zoila Virginia Lidia Alba Noemí Ester Yolanda Luisa Fabiola
Jaqueline Rosalía Telma Argentina Eulalia Fidelina Herlinda Nidia Zulma Ixchel
""")

# Where returnees come from (share of returnees by department, approximate),
# and how likely a family from there carries Mayan surnames.
DEPARTMENT_WEIGHT = {13: 18, 12: 12, 1: 11, 14: 8, 9: 6, 16: 5, 4: 4, 8: 4, 5: 4, 22: 3, 7: 3, 17: 3}
DEPARTMENT_WEIGHT |= {6: 2.5, 10: 2.5, 11: 2, 18: 2, 20: 2, 21: 2, 15: 1.5, 3: 1.5, 19: 1.5, 2: 1}
MAYAN_SHARE = {7: 0.85, 8: 0.9, 14: 0.8, 16: 0.85, 13: 0.6, 4: 0.6, 9: 0.45, 12: 0.35, 15: 0.5, 10: 0.4, 3: 0.35}


# Each name once, first occurrence keeps its rank.
SPANISH_SURNAMES = list(dict.fromkeys(SPANISH_SURNAMES))
MAYAN_SURNAMES = [s for s in dict.fromkeys(MAYAN_SURNAMES) if s not in SPANISH_SURNAMES]
MALE_NAMES = list(dict.fromkeys(MALE_NAMES))
FEMALE_NAMES = list(dict.fromkeys(FEMALE_NAMES))

# How steeply frequency falls with rank, per list.
ZIPF_EXPONENT = {"spanish_surnames": 0.75, "mayan_surnames": 0.6, "given_names": 0.8}


def zipf(items: list[str], exponent: float) -> list[float]:
    """Relative weight of each item by its rank (the lists are in order of frequency)."""
    return [1.0 / (rank + 1) ** exponent for rank in range(len(items))]


def _weighted(items: list[str], exponent: float, scale: float = 1.0) -> list[tuple[str, float]]:
    return [(name, scale * w) for name, w in zip(items, zipf(items, exponent), strict=True)]


# The same lists as (name, weight) pairs, as the demo data draws them. Second given names are
# drawn uniformly from the whole list; surnames are Mayan for about a third of the demo persons.
MALE_GIVEN = _weighted(MALE_NAMES, ZIPF_EXPONENT["given_names"])
FEMALE_GIVEN = _weighted(FEMALE_NAMES, ZIPF_EXPONENT["given_names"])
SECOND_GIVEN_MALE = MALE_NAMES
SECOND_GIVEN_FEMALE = FEMALE_NAMES
_SPANISH_WEIGHTS = zipf(SPANISH_SURNAMES, ZIPF_EXPONENT["spanish_surnames"])
_MAYAN_WEIGHTS = zipf(MAYAN_SURNAMES, ZIPF_EXPONENT["mayan_surnames"])
SURNAMES = _weighted(SPANISH_SURNAMES, ZIPF_EXPONENT["spanish_surnames"], 2 / sum(_SPANISH_WEIGHTS))
SURNAMES += _weighted(MAYAN_SURNAMES, ZIPF_EXPONENT["mayan_surnames"], 1 / sum(_MAYAN_WEIGHTS))
# Department INE code ("13") -> weight.
DEPARTMENT_WEIGHTS = {f"{code:02d}": weight for code, weight in DEPARTMENT_WEIGHT.items()}
