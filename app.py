"""Gate Lab: step through an LSTM or RNN one timestep at a time.

Entry point. Run with ``streamlit run app.py``: Streamlit finds ``app`` at the end of this file
(an ``st.App``) and serves this same file as the page script, with the live class's stream
(``live.push``: a following student's browser hears the class's moves there) beside it. Each
page run is ``main()``: page config, the view built from state, the shared sidebar, navigation
over pages/.
"""

import logging

import streamlit as st

from ui.shell import badge, page, state
from ui.shell.i18n import lang, tx
from ui.shell.sidebar import show_problems, sidebar
from ui.stepper import steps
from ui.teach import classroom, lesson, present

PAGES = (  # (file, title key, icon, url path, has step controls)
    ("pages/lesson.py", "page_lesson", "🎓", "lesson", True),
    ("pages/cell.py", "page_cell", "🔬", "cell", True),
    ("pages/timeline.py", "page_timeline", "📈", "timeline", True),
    ("pages/layers.py", "page_layers", "🧱", "layers", True),
    ("pages/weights.py", "page_weights", "🎛️", "weights", False),
    ("pages/why.py", "page_why", "📉", "why", True),
    ("pages/classify.py", "page_classify", "🏷️", "classify", False),
)


def main() -> None:
    st.set_page_config(page_title="Gate Lab", page_icon="🔬", layout="wide")
    state.init()
    classroom.join_from_link()  # a link with join=CODE: a live class
    class_page = classroom.apply_pending()  # the class's view, before any widget is drawn
    steps.adopt_browser_step()  # the browser steps on its own; its address bar names the step it shows
    steps.new_run()  # the page says again what limits the step (ui/stepper/owner.py)
    state.keep(*state.BY_KEY, *page.KEEP)  # settings survive pages whose widgets are not drawn
    nav = st.navigation(
        [st.Page(f, title=tx(k), icon=i, url_path=u, default=u == "cell") for f, k, i, u, _ in PAGES],
        position="sidebar"
        if state.sidebar_shown()
        else "top",  # presenter mode, a class link without settings
    )
    here = st.session_state[state.PAGE] = nav.url_path or "cell"  # the default page's url_path is ""
    if class_page and class_page != here:  # the class is on another page
        st.switch_page({u: f for f, *_, u, _ in PAGES}.get(class_page, "pages/cell.py"))
    classroom.follow_here(here, {u: f for f, *_, u, _ in PAGES})  # a following student sees the class's view
    lesson.prepare(here)  # a lesson chapter sets its model up before the sidebar shows it
    view = state.view()
    classroom.publish(here)  # the class follows now, not after a slow page (chapter 10 trains its model)
    if state.sidebar_shown():
        # the share box goes with the step controls where there are some (it must name the step shown)
        sidebar(
            view,
            share=not any(u == here and stepping for *_, u, stepping in PAGES),
            top=lambda: present.button(st),
            bottom=present.class_link_ui,
        )
    elif here != "lesson":  # (the lesson draws it in its chapter row: the first screen is the view's)
        present.top_bar(st)
    for notice in state.notices(here):
        st.warning(page.notice_text(notice), icon="🔗")
    show_problems(view, "link")
    show_problems(view, "model")
    badge.badge()
    class_slot = st.container(key="class_slot")  # the live class's bar goes on top, drawn after the page
    page.set_context(view)
    try:
        nav.run()
    except Exception:  # a student sees a sentence; the server log keeps the traceback
        logging.getLogger("gatelab").exception("a page failed")
        st.error(tx("internal_error"), icon="⚠️")
    with class_slot:
        classroom.bar(here, {u: f for f, *_, u, _ in PAGES}.get(here, ""))
    classroom.publish(here)  # a live class's teacher: the class follows this view
    state.sync_url()
    page.html_lang(lang(), present.css())  # last: an empty element at the page's end takes no room


if __name__ == "__main__":  # a page run: Streamlit runs this file as ``__main__``
    main()
else:  # imported by ``streamlit run`` (or uvicorn): the server, with the class's stream beside the app
    from pathlib import Path

    from starlette.middleware import Middleware

    from live import hall, push

    _JS = Path(__file__).parent / "ui" / "stepper"
    _ASSETS = {  # the hall view (live/hall.py): one script, with the stepper's own code and style
        "hall.js": (
            hall.bundle(
                *((_JS / f).read_text("utf-8") for f in ("words.js", "stepper.js", "stepper.css", "hall.js"))
            ),
            "text/javascript",
        )
    }
    _PAGES = {"/", *(f"/{u}" for *_, u, _ in PAGES)}
    app = st.App(
        __file__,
        routes=[*push.routes(), *hall.routes(_ASSETS)],
        middleware=[Middleware(hall.HallPage, pages=_PAGES, version=hall.version(_ASSETS))],
        lifespan=push.lifespan,
    )
