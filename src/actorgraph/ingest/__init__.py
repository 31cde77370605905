"""Reading dossiers and handing checked models to the store. See ``read`` and ``load``."""

from actorgraph.ingest.load import load_paths
from actorgraph.ingest.read import find_dossiers, read_dossier, read_dossiers
from actorgraph.model.dossier import PreparedDossier, PreparedStatement
from actorgraph.store.loader import LoadReport

__all__ = ["LoadReport", "PreparedDossier", "PreparedStatement", "find_dossiers", "load_paths", "read_dossier",
           "read_dossiers"]  # fmt: skip
