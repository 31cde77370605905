"""Reading dossiers and handing checked models to the store. See ``read`` and ``load``."""

from actorgraph.ingest.load import LoadReport, load_paths
from actorgraph.ingest.read import PreparedDossier, read_dossier, read_dossiers

__all__ = ["LoadReport", "PreparedDossier", "load_paths", "read_dossier", "read_dossiers"]
