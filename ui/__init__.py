"""Streamlit glue shared by the pages: state and URL, sidebar, step controls, strings."""
