# Sphinx configuration for the qemu-cr16 manuals.
project = 'qemu-cr16'
copyright = '2026, the qemu-cr16 developers'
author = 'the qemu-cr16 developers'
version = release = '0.1.0'
extensions = []
exclude_patterns = ['_build']
master_doc = 'index'
try:
    import sphinx_rtd_theme  # noqa: F401
    html_theme = 'sphinx_rtd_theme'
except ImportError:
    html_theme = 'alabaster'
