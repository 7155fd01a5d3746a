"""The framework's floor for time-to-content: a bare Streamlit page."""

import streamlit as st

st.write("hello")
