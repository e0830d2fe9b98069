"""Evidence pages: dashboard, report builder and exports, open data, donor report."""
