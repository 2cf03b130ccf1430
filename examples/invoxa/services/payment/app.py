"""INVOXA payment service (example code for the tierdeploy example catalog)."""
import os

from flask import Flask

AUTH_SERVICE_URL = os.environ.get("AUTH_SERVICE_URL", "http://auth:3000")
app = Flask(__name__)


@app.get("/health")
def health():
    return "ok"
