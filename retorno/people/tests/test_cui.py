from retorno.people.cui import clean_cui, cui_problem, cui_with_check_digit


def test_a_built_cui_passes_the_rule():
    cui = cui_with_check_digit("12345678", 13, 1)
    assert len(cui) == 13 and cui.endswith("1301")
    assert cui_problem(cui) is None


def test_check_digit_mismatch_is_reported():
    cui = cui_with_check_digit("12345678", 13, 1)
    wrong = cui[:8] + str((int(cui[8]) + 1) % 10) + cui[9:]
    assert cui_problem(wrong) == "check_digit"


def test_department_and_municipality_must_exist():
    assert cui_problem(cui_with_check_digit("12345678", 23, 1)) == "department"
    # Guatemala department (01) has 17 municipalities.
    assert cui_problem(cui_with_check_digit("12345678", 1, 18)) == "municipality"
    assert cui_problem(cui_with_check_digit("12345678", 1, 17)) is None


def test_length_and_remainder_ten():
    assert cui_problem("123") == "length"
    # 00000005 -> 5*9 = 45, 45 % 11 = 1; find a correlative with remainder 10: 00000010 -> 1*8=8... search
    correlative = next(
        f"{n:08d}"
        for n in range(1000)
        if sum(int(d) * w for d, w in zip(f"{n:08d}", range(2, 10), strict=True)) % 11 == 10
    )
    assert cui_with_check_digit(correlative, 1, 1) == ""
    assert all(cui_problem(f"{correlative}{d}0101") == "check_digit" for d in range(10))


def test_clean_cui_keeps_digits():
    assert clean_cui("2345 67890 0101") == "2345678900101"
