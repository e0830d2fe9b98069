"""Retorno settings, read from the environment.

Every setting has a default that runs out of the box in development (SQLite, console
email, a development secret). With DEBUG off the defaults that would be unsafe are
refused, so a production server cannot start with them by accident.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "dev-only-insecure-secret-key-change-me-in-production"  # noqa: S105 (refused when DEBUG is off)
# A development key only: production must set RETORNO_ENCRYPTION_KEYS (see README).
DEV_ENCRYPTION_KEY = "ZGV2LW9ubHktcmV0b3Juby1lbmNyeXB0aW9uLWtleSE="


def envbool(name: str, default: str) -> bool:
    return os.getenv(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "True")
SECRET_KEY = os.getenv("SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
# Tier-2 fields are encrypted with the first key; every key decrypts (rotation).
ENCRYPTION_KEYS = envlist("RETORNO_ENCRYPTION_KEYS", DEV_ENCRYPTION_KEY)
SITE_URL = os.getenv("SITE_URL", "http://127.0.0.1:8000")

if not DEBUG:
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be set to a long random value when DEBUG is off.")
    if DEV_ENCRYPTION_KEY in ENCRYPTION_KEYS:
        raise ImproperlyConfigured("RETORNO_ENCRYPTION_KEYS must be set when DEBUG is off.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves Swagger UI's own static files for /api/v1/docs (no CDN)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # only for the migration that hashed its plain codes (accounts 0006)
    "retorno.accounts",
    "retorno.audit",
    "retorno.geo",
    "retorno.funding",
    "retorno.people",
    "retorno.reception",
    "retorno.protection",
    "retorno.messaging",
    "retorno.referrals",
    "retorno.reintegration",
    "retorno.outreach",
    "retorno.reports",
    "benchmarks",  # `manage.py bench <suite>` only; no product code imports it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "retorno.accounts.second_factor.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "retorno.lib.middleware.NoStoreForSensitivePagesMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "retorno.urls"
WSGI_APPLICATION = "retorno.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "retorno" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["retorno.lib.money"],  # the one money filter, in every template
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "retorno.accounts.context.navigation",
            ],
            "libraries": {"workflow": "retorno.lib.templatetags.workflow"},
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'retorno.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", "0"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL survives a killed process without corrupting the file; IMMEDIATE avoids
    # "database is locked" upgrades when two requests write at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["TEST"] = {"NAME": os.getenv("TEST_SQLITE_NAME") or None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: lock a username+address pair after repeated failures.
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = envint("LOGIN_COOLOFF_MINUTES", "15") / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_LOCKOUT_CALLABLE = "retorno.accounts.api_auth.lockout_response"  # JSON 429 on the API, the page elsewhere
AXES_VERBOSE = False

# Second factor (django-otp): the issuer shown in authenticator apps; each wrong code doubles
# the wait before the next attempt (1 s, 2 s, 4 s...); the admin never shows secrets.
OTP_TOTP_ISSUER = os.getenv("OTP_ISSUER", "Retorno")
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Sessions end after an idle period and never outlive the browser on shared tablets.
SESSION_COOKIE_AGE = envint("SESSION_IDLE_MINUTES", "30") * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
API_TOKEN_HOURS = envint("API_TOKEN_HOURS", "12")

LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Spanish")), ("en", _("English"))]
# Spanish numbers as Guatemala writes them (decimal point, comma thousands): retorno/formats/es.
FORMAT_MODULE_PATH = ["retorno.formats"]
LOCALE_PATHS = [BASE_DIR / "retorno" / "locale"]
TIME_ZONE = os.getenv("TIME_ZONE", "America/Guatemala")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "retorno" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

DATA_UPLOAD_MAX_MEMORY_SIZE = envint("MAX_REQUEST_BYTES", str(5 * 1024 * 1024))
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

EMAIL_BACKEND = os.getenv("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "retorno@localhost")

# Background work: Django's Tasks (django-tasks backport) on the database; `manage.py worker` runs it.
TASKS = {
    "default": {
        "BACKEND": os.getenv("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "messages"],
    }
}


def _gateway(channel: str) -> dict:
    prefix = f"{channel.upper()}_"
    return {
        "BACKEND": os.getenv(prefix + "BACKEND", "retorno.messaging.backends.ConsoleBackend"),
        "URL": os.getenv(prefix + "GATEWAY_URL", ""),
        "TOKEN": os.getenv(prefix + "GATEWAY_TOKEN", ""),
        "PAYLOAD": os.getenv(prefix + "GATEWAY_PAYLOAD", ""),
        "PATH": os.getenv("MESSAGE_FILE_PATH", ""),
    }


# Outbound messages: email through Django's mail backend; SMS and WhatsApp through a gateway backend.
MESSAGE_CHANNELS = {
    "email": {"BACKEND": "retorno.messaging.backends.EmailBackend"},
    "sms": _gateway("sms"),
    "whatsapp": _gateway("whatsapp"),
}
MESSAGE_QUIET_HOURS = tuple(
    envint(name, default) for name, default in (("MESSAGE_QUIET_FROM", "20"), ("MESSAGE_QUIET_UNTIL", "8"))
)
MESSAGE_MAX_ATTEMPTS = envint("MESSAGE_MAX_ATTEMPTS", "6")
MESSAGE_LEASE_SECONDS = envint("MESSAGE_LEASE_SECONDS", "300")
# Keys of their own, derived from SECRET_KEY unless set: set them once and never change them
# (a new address key forgets every opt-out).
MESSAGE_ADDRESS_KEY = os.getenv("MESSAGE_ADDRESS_KEY", "") or f"address:{SECRET_KEY}"
# KoboToolbox (optional): pull follow-up submissions from its API (`manage.py kobo_pull`).
KOBO_URL = os.getenv("KOBO_URL", "")
KOBO_TOKEN = os.getenv("KOBO_TOKEN", "")
KOBO_FOLLOWUP_ASSET = os.getenv("KOBO_FOLLOWUP_ASSET", "")
MESSAGE_CALLBACK_SECRET = os.getenv("MESSAGE_CALLBACK_SECRET", "") or f"callback:{SECRET_KEY}"

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "True")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "True")

# Logs carry request paths and status codes, never request bodies or query values.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_query": {"()": "retorno.lib.logging.StripQueryStrings"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_query"]}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own default handler would print every message a second time.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        # The development server's request lines, filtered like everything else.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "axes": {"level": "WARNING"},
    },
}
