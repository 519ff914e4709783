"""Access rules a view declares. The middleware enforces them before the view runs; the decorators
enforce them again so a view is safe even if mounted elsewhere. The role walk test reads them."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from teilhabe.accounts.roles import ALL_ROLES


def role_required(*roles):
    """Only members holding one of `roles` in the URL's municipality (and superusers) may open the view."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_superuser:
                membership = getattr(request, "membership", None)
                if membership is None or membership.role not in roles:
                    raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.allowed_roles = tuple(roles)
        return wrapper

    return decorator


def member_required(view):
    """Any member of the municipality may open the view (the default for internal pages, made explicit)."""
    view.allowed_roles = ALL_ROLES
    return view


def public_view(view):
    """Readable by anyone, without login: transparency pages. Must never show personal data."""
    view.public_view = True
    return view


def secret_link_view(view):
    """Public, but only behind a secret in the URL (a signed cancellation link, a personal calendar feed):
    without a valid secret the view answers 404, like a missing object. Never shows more than the secret's
    holder may see."""
    view.public_view = True
    view.secret_link = True
    return view


def role_of(request):
    """The request user's role in request.municipality; superusers count as office."""
    if request.user.is_authenticated and request.user.is_superuser:
        return "office"
    membership = getattr(request, "membership", None)
    return membership.role if membership else None
