"""Entry point: `streamlit run dashboard/app.py`."""

import streamlit as st

st.set_page_config(page_title="Policy money figures", layout="wide")
st.title("Policy money figures")
st.write("The dashboard is being built; the tables are in data/tidy/.")
