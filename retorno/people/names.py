"""Guatemalan names with rough frequencies, for demo data and test generators.

Weights are relative and approximate (common Spanish surnames dominate; Mayan
surnames are frequent in the western highlands where most returnees come from).
"""

MALE_GIVEN = [
    ("José", 30), ("Juan", 25), ("Luis", 14), ("Carlos", 14), ("Marvin", 9), ("Mario", 9), ("Pedro", 10),
    ("Francisco", 9), ("Miguel", 10), ("Manuel", 9), ("Jorge", 8), ("Edgar", 8), ("Byron", 6), ("Elmer", 5),
    ("Wilmer", 6), ("Erick", 6), ("Selvin", 5), ("Otto", 3), ("Santos", 4), ("Domingo", 4), ("Diego", 5),
    ("Gaspar", 3), ("Baltazar", 2), ("Mateo", 4), ("Sebastián", 4), ("Andrés", 4), ("Nicolás", 3),
    ("Antonio", 7), ("Rigoberto", 3), ("Hugo", 3), ("Walter", 4), ("Kevin", 4), ("Brayan", 4), ("Anderson", 2),
    ("Josué", 4), ("Cristian", 5), ("Alex", 3), ("Rony", 3), ("Gerson", 3), ("Abner", 2), ("Esvin", 3),
    ("Fredy", 4), ("Henry", 3), ("Julio", 5), ("Oscar", 5), ("Rolando", 3), ("Tomás", 3), ("Felipe", 3),
]
FEMALE_GIVEN = [
    ("María", 30), ("Ana", 12), ("Rosa", 8), ("Juana", 8), ("Marta", 6), ("Sandra", 5), ("Glenda", 3),
    ("Ingrid", 4), ("Lesbia", 2), ("Yesenia", 4), ("Heidy", 3), ("Wendy", 4), ("Dulce", 3), ("Magdalena", 4),
    ("Catarina", 4), ("Petrona", 3), ("Candelaria", 2), ("Elvira", 3), ("Olga", 3), ("Silvia", 4), ("Karla", 4),
    ("Lucía", 4), ("Andrea", 4), ("Flor", 3), ("Josefina", 3), ("Manuela", 3), ("Gloria", 3), ("Sonia", 3),
]
SECOND_GIVEN_MALE = ["Antonio", "Alberto", "Enrique", "Fernando", "Armando", "Roberto", "Daniel", "David", "Alejandro", "Rafael", "Estuardo", "René", "Rodrigo", "Luis", "José", "Francisco", "Arturo", "Eduardo", "Geovanni", "Leonel"]
SECOND_GIVEN_FEMALE = ["Isabel", "Elena", "Guadalupe", "Teresa", "Lucrecia", "Marisol", "Fernanda", "Alejandra", "Beatriz", "Patricia", "Esperanza", "Del Carmen", "De Jesús"]
SURNAMES = [
    ("López", 40), ("García", 35), ("Pérez", 32), ("Hernández", 30), ("González", 30), ("Ramírez", 25),
    ("Rodríguez", 22), ("Morales", 22), ("Martínez", 20), ("Méndez", 16), ("Gómez", 16), ("Vásquez", 18),
    ("Ramos", 14), ("Cruz", 14), ("Juárez", 12), ("Velásquez", 12), ("Sánchez", 12), ("Díaz", 10),
    ("Castillo", 10), ("Mejía", 10), ("Orozco", 9), ("Fuentes", 8), ("Escobar", 6), ("Barrios", 8),
    ("Reyes", 8), ("Chávez", 9), ("Domingo", 5), ("Bámaca", 4), ("Xicará", 3), ("Tzul", 3), ("Ajanel", 2),
    ("Cux", 3), ("Coc", 4), ("Choc", 4), ("Caal", 4), ("Tiul", 2), ("Pop", 3), ("Xol", 3), ("Cac", 2),
    ("Tuyuc", 2), ("Sicajau", 1), ("Ixcoy", 2), ("Tzoc", 2), ("Quiej", 2), ("Xitumul", 1), ("Chiquin", 1),
    ("Cutzal", 1), ("Batz", 2), ("Sapón", 2), ("Yax", 2), ("Ixcot", 1), ("Tum", 2), ("Chanchavac", 1),
    ("Pu", 2), ("Sic", 2), ("Ordóñez", 6), ("Recinos", 4), ("Aguilar", 8), ("De León", 8), ("De la Cruz", 5),
    ("Del Valle", 3), ("Jiménez", 8), ("Villatoro", 3), ("Alvarado", 6), ("Calel", 2), ("Macario", 2),
    ("Gaspar", 3), ("Tomás", 3), ("Mateo", 3), ("Francisco", 4), ("Pascual", 4), ("Andrés", 3), ("Diego", 3),
]
# Department INE code -> weight: San Marcos, Huehuetenango, Quetzaltenango, Quiché and
# Guatemala first, as in the programme report; the rest in a long tail.
DEPARTMENT_WEIGHTS = {
    "12": 16, "13": 16, "09": 10, "14": 9, "01": 9, "07": 4, "08": 4, "16": 5, "10": 3, "11": 3,
    "05": 3, "06": 2, "04": 2, "03": 1, "02": 1, "15": 2, "17": 2, "18": 2, "19": 2, "20": 2, "21": 2, "22": 2,
}
