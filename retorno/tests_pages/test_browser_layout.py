"""At 1366 px the manager's menu is one line, in Spanish and English; a yes/no field is a labelled checkbox."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_menu_fits_one_line_at_1366(page, sign_in, manager):
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in(manager)
    for language in ("ES", "EN"):
        page.click(f".lang button:has-text('{language}')")
        page.wait_for_load_state()
        links = page.locator(".topbar nav a")
        assert links.count() >= 8
        tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
        assert len(tops) == 1, f"menu wraps in {language}: rows at {sorted(tops)}"
        end = page.locator(".topbar-end").bounding_box()
        assert abs(end["y"] - page.locator(".topbar nav").bounding_box()["y"]) < 20
