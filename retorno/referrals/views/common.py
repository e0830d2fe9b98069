from django.core.exceptions import ValidationError


def form_errors_to(form, error: ValidationError) -> None:
    """Attach an action's ValidationError to the form's fields (or to the form)."""
    items = error.message_dict.items() if hasattr(error, "message_dict") else [(None, error.messages)]
    for field, messages in items:
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
