"""Background tasks of the accounts app (django-tasks, see teilhabe/jobs)."""

from django.contrib.auth.forms import PasswordResetForm
from django_tasks import task


@task()
def send_password_reset(email: str, domain: str, use_https: bool, subject_template: str, email_template: str):
    """Look the address up and send the reset link, if there is an account: in the worker, so the page answers
    the same, equally fast, whether or not the address exists."""
    form = PasswordResetForm({"email": email})
    if form.is_valid():
        form.save(
            domain_override=domain,
            use_https=use_https,
            subject_template_name=subject_template,
            email_template_name=email_template,
        )
