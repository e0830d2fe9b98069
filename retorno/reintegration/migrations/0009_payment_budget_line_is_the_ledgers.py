"""Payments point at the programme ledger's budget line (filled by 0008); reintegration's own
donors and budget lines go."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reintegration", "0008_payments_into_the_ledger"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="payment", name="reintegrati_budget__85b1ee_idx"),
        migrations.RemoveField(model_name="payment", name="budget_line"),
        migrations.RenameField(model_name="payment", old_name="ledger_line", new_name="budget_line"),
        migrations.AlterField(
            model_name="payment",
            name="budget_line",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="payments",
                to="funding.budgetline",
                verbose_name="budget line",
            ),
        ),
        migrations.AddIndex(
            model_name="payment",
            index=models.Index(fields=["budget_line", "paid_on"], name="reintegrati_budget__85b1ee_idx"),
        ),
        migrations.DeleteModel(name="BudgetLine"),
        migrations.DeleteModel(name="Donor"),
    ]
