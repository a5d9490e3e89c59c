"""Converts executed notebooks into static HTML pages whose charts draw offline.

Usage (JUPYTER_PATH must include the project's jupyter/ folder; `npm run html` sets it):
  python3 tools/jupyter/export_html.py --out site --script vega.min.js --script ... NOTEBOOK...
Uses the `course` template (jupyter/nbconvert/templates/course), which inlines the given
scripts (vega, vega-lite and vega-embed from node_modules) so no page needs the network.
"""

import argparse
import html
import os

import nbformat
from nbconvert import HTMLExporter


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--script", action="append", default=[], help="a JavaScript file to inline, in order")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    scripts = []
    for path in args.script:
        with open(path, encoding="utf-8") as f:
            # An inline script ends at the first "</script"; none of the vega builds contain one, keep it so.
            scripts.append(f.read().replace("</script", "<\\/script"))
    exporter = HTMLExporter(template_name="course")
    os.makedirs(args.out, exist_ok=True)
    pages = []
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        name = os.path.splitext(os.path.basename(path))[0]
        body, _ = exporter.from_notebook_node(nb, resources={"course_scripts": scripts, "metadata": {"name": name}})
        with open(os.path.join(args.out, name + ".html"), "w", encoding="utf-8") as f:
            f.write(body)
        pages.append(name)
        print(f"wrote {os.path.join(args.out, name + '.html')}")
    # The index lists every lesson page in the folder, also those built by an earlier run (npm run html -- 04).
    built = sorted(os.path.splitext(f)[0] for f in os.listdir(args.out) if f.endswith(".html") and f != "index.html")
    links = "\n".join(f'<li><a href="{html.escape(p)}.html">{html.escape(p)}</a></li>' for p in built)
    with open(os.path.join(args.out, "index.html"), "w", encoding="utf-8") as f:
        f.write(f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Commit under failure</title></head>\n'
                f"<body><h1>Commit under failure: the lessons</h1>\n<ul>\n{links}\n</ul></body></html>\n")


if __name__ == "__main__":
    main()
