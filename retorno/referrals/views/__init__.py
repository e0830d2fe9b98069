"""Referral, partner, shelter and signed-link pages (thin: access helper, form, action)."""
