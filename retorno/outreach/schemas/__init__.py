"""Input and output schemas of the outreach API (formats, enums and lengths documented in OpenAPI)."""

from retorno.outreach.schemas.common import *  # noqa: F403
from retorno.outreach.schemas.coordination import *  # noqa: F403
from retorno.outreach.schemas.partners import *  # noqa: F403
from retorno.outreach.schemas.trainings import *  # noqa: F403
