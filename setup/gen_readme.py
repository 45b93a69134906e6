"""Build each addon's README.rst from its readme/ fragments (OCA layout).

    python setup/gen_readme.py           # write the README.rst files
    python setup/gen_readme.py --check   # exit 1 if one is out of date
"""
import ast
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDONS = ("rma_management", "rma_management_stock", "rma_management_account", "rma_management_stock_account",
          "rma_management_portal")
SECTIONS = (
    ("DESCRIPTION", None),
    ("INSTALL", "Installation"),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("ROADMAP", "Known issues / Roadmap"),
    ("CONTRIBUTORS", "Contributors"),
)


def _title(text, underline):
    return "%s\n%s\n" % (text, underline * len(text))


def render(addon):
    path = ROOT / addon
    manifest = ast.literal_eval((path / "__manifest__.py").read_text())
    parts = [
        "=" * len(manifest["name"]) + "\n" + _title(manifest["name"], "="),
        "*%s*\n\n:License: %s\n:Version: %s\n" % (manifest["summary"], manifest["license"], manifest["version"]),
    ]
    for fragment, heading in SECTIONS:
        source = path / "readme" / ("%s.rst" % fragment)
        if source.exists():
            parts.append((_title(heading, "=") + "\n" if heading else "") + source.read_text().strip() + "\n")
    parts.append(_title("Authors", "=") + "\n* %s\n" % manifest["author"])
    return "\n".join(parts)


def main(check=False):
    stale = []
    for addon in ADDONS:
        readme = ROOT / addon / "README.rst"
        text = render(addon)
        if not readme.exists() or readme.read_text() != text:
            stale.append(addon)
            if not check:
                readme.write_text(text)
    if check and stale:
        sys.stderr.write("README.rst out of date in %s: run python setup/gen_readme.py\n" % ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(check="--check" in sys.argv))
